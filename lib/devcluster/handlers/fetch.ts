/**
 * Fetch (key 1), v2-12 (v13+ address topics by id only). Returns stored batches as they are,
 * from the batch holding fetchOffset up to the high watermark, within partition and response
 * max bytes (the first batch always whole, KIP-74). Waits up to maxWaitMs for minBytes,
 * waking on appends. Checks leadership and currentLeaderEpoch (v9+); offsets outside
 * [logStartOffset, logEndOffset] get OFFSET_OUT_OF_RANGE. No fetch sessions: sessionId 0.
 * v2-3 predate record batches: with down-conversion off (message.downconversion.enable=false,
 * as this cluster runs) a partition with data answers UNSUPPORTED_VERSION, as Kafka does (KIP-283).
 * They are listed because librdkafka 2.0 enables gzip/snappy only when a broker offers Fetch v2.
 */
import { Fetch, type FetchRequest, type FetchResponse, type FetchResponsePartitionData } from '@/lib/protocol/generated';
import type { DevCluster } from '../cluster';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { partitionKey } from '../state/waiters';
import { defineHandler } from './types';

const EMPTY = Buffer.alloc(0);
/** First Fetch version whose consumers read magic v2 record batches. */
const OLDEST_BATCH_FETCH = 4;

/** Checks the fencing epoch a client sends with fetches and offset lookups. */
export function checkLeaderEpoch(current: number | undefined, epoch: number): void {
  if (current === undefined || current < 0) return;
  if (current < epoch) throw new KafkaError(ErrorCode.FENCED_LEADER_EPOCH, `Leader epoch ${current} is older than the current ${epoch}`);
  if (current > epoch) throw new KafkaError(ErrorCode.UNKNOWN_LEADER_EPOCH, `Leader epoch ${current} is newer than the current ${epoch}`);
}

function readAll(cluster: DevCluster, brokerId: number, req: FetchRequest, version: number): { response: FetchResponse; bytes: number; errors: boolean } {
  let budget = req.maxBytes ?? 0x7fffffff;
  let bytes = 0;
  let errors = false;
  const responses = req.topics.map((t) => ({
    topic: t.topic ?? '',
    topicId: t.topicId,
    partitions: t.partitions.map((fp): FetchResponsePartitionData => {
      const base: FetchResponsePartitionData = {
        partitionIndex: fp.partition,
        errorCode: ErrorCode.NONE,
        highWatermark: -1,
        lastStableOffset: -1,
        logStartOffset: -1,
        abortedTransactions: null,
        preferredReadReplica: -1,
        records: EMPTY,
      };
      try {
        const p = cluster.leaderPartition(t.topic ?? '', fp.partition, brokerId);
        checkLeaderEpoch(fp.currentLeaderEpoch, p.leaderEpoch);
        const hw = p.highWatermark;
        const out = { ...base, highWatermark: hw, lastStableOffset: hw, logStartOffset: p.logStartOffset };
        if (fp.fetchOffset < p.logStartOffset || fp.fetchOffset > p.logEndOffset) {
          errors = true;
          return { ...out, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE };
        }
        const limit = Math.min(fp.partitionMaxBytes, budget);
        const read = p.log.read(fp.fetchOffset, hw, limit, bytes === 0);
        if (read.bytes === 0) return out;
        if (version < OLDEST_BATCH_FETCH) {
          errors = true;
          return { ...out, errorCode: ErrorCode.UNSUPPORTED_VERSION };
        }
        budget -= read.bytes;
        bytes += read.bytes;
        return { ...out, records: read.buffers.length === 1 ? read.buffers[0] : Buffer.concat(read.buffers, read.bytes) };
      } catch (err) {
        if (!(err instanceof KafkaError)) throw err;
        errors = true;
        return { ...base, errorCode: err.code };
      }
    }),
  }));
  return { response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses }, bytes, errors };
}

export const fetchHandler = defineHandler({
  codec: Fetch,
  minVersion: 2,
  maxVersion: 12,
  async handle({ cluster, broker }, req, version) {
    const deadline = Date.now() + Math.max(0, req.maxWaitMs);
    const keys = req.topics.flatMap((t) => t.partitions.map((p) => partitionKey(t.topic ?? '', p.partition)));
    for (;;) {
      const result = readAll(cluster, broker.nodeId, req, version);
      const remaining = deadline - Date.now();
      if (result.bytes >= req.minBytes || result.errors || remaining <= 0 || cluster.isClosed || !cluster.isLive(broker.nodeId)) {
        return result.response;
      }
      await new Promise<void>((resolve) => {
        const stop = cluster.waiters.watch(keys, () => done());
        const timer = setTimeout(() => done(), remaining);
        function done() {
          clearTimeout(timer);
          stop();
          resolve();
        }
      });
    }
  },
});
