/**
 * ListOffsets (key 2), v1-7. Timestamp -2 gives the log start offset, -1 the high watermark
 * (also the last stable offset: there are no transactions), -3 (v7+) the record with the
 * largest timestamp, any other value the first record at or after it (offset -1 if none).
 * Only the leader answers; currentLeaderEpoch (v4+) is checked.
 */
import { ListOffsets } from '@/lib/protocol/generated';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { checkLeaderEpoch } from './fetch';
import { defineHandler } from './types';

const EARLIEST = -2;
const LATEST = -1;
const MAX_TIMESTAMP = -3;

export const listOffsetsHandler = defineHandler({
  codec: ListOffsets,
  minVersion: 1,
  maxVersion: 7,
  handle({ cluster, broker }, req, version) {
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((rp) => {
          try {
            const p = cluster.leaderPartition(t.name, rp.partitionIndex, broker.nodeId);
            checkLeaderEpoch(rp.currentLeaderEpoch, p.leaderEpoch);
            const ok = (offset: number, timestamp: number) => ({ partitionIndex: rp.partitionIndex, errorCode: ErrorCode.NONE, timestamp, offset, leaderEpoch: p.leaderEpoch });
            if (rp.timestamp === EARLIEST) return ok(p.logStartOffset, -1);
            if (rp.timestamp === LATEST) return ok(p.highWatermark, -1);
            if (rp.timestamp === MAX_TIMESTAMP && version >= 7) {
              const hit = p.log.maxTimestampOffset(p.highWatermark);
              return hit ? ok(hit.offset, hit.timestamp) : ok(-1, -1);
            }
            if (rp.timestamp < 0) throw new KafkaError(ErrorCode.INVALID_REQUEST, `Unsupported timestamp ${rp.timestamp}`);
            const hit = p.log.offsetForTimestamp(rp.timestamp, p.highWatermark);
            return hit ? ok(hit.offset, hit.timestamp) : ok(-1, -1);
          } catch (err) {
            if (!(err instanceof KafkaError)) throw err;
            return { partitionIndex: rp.partitionIndex, errorCode: err.code, timestamp: -1, offset: -1, leaderEpoch: -1 };
          }
        }),
      })),
    };
  },
});
