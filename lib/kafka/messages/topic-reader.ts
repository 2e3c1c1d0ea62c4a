import 'server-only';
import { ApiError, badRequest, notFound } from '@/lib/api/errors';
import type { PartitionRange } from '@/lib/api/messages';
import { ErrorCode, KafkaProtocolError } from '@/lib/protocol/errors';
import { Fetch, type FetchResponsePartitionData } from '@/lib/protocol/generated';
import { schemaDecodingFor, type SchemaDecoding } from '@/lib/schemas/decode';
import { appConfig, getCluster } from '../clusters';
import { schemaIdsIn } from './schema-ids';
import { getTopicMeta, LEADER_MOVED_ERRORS, type TopicMeta } from '../metadata';
import { listPartitionOffsets } from '../offsets';
import type { ClusterClient } from '@/lib/protocol/client';
import { getStreamingClient } from '../protocol-pool';

// Reads a topic's partitions straight from their leaders with Fetch, as a consumer without a
// group would: nothing is committed and no group is joined, so reading disturbs no one.

export interface FetchAsk {
  partition: number;
  offset: number;
  maxBytes: number;
}

export interface FetchedPartition {
  partition: number;
  /** The offset that was asked for. */
  offset: number;
  highWatermark: number;
  logStartOffset: number;
  /** Set when the asked offset is no longer (or not yet) in the log. */
  outOfRange: boolean;
  records: Buffer | null;
}

/**
 * Where a read at `at` goes on after a fetch that answered out of range or brought no records:
 * the log start when retention removed `at`; 'end' when nothing more is there (past the log
 * end, or at the high watermark); 'retry' when the broker has records there but sent none (a
 * batch bigger than the fetch size).
 */
export function afterEmptyFetch(f: FetchedPartition, at: number): number | 'end' | 'retry' {
  if (f.outOfRange) return at < f.logStartOffset ? f.logStartOffset : 'end';
  return f.highWatermark <= at ? 'end' : 'retry';
}

export interface FetchOptions {
  maxWaitMs?: number;
  minBytes?: number;
  /** Cap for one response from one leader. */
  responseMaxBytes?: number;
}

export class TopicReader {
  private meta: TopicMeta | undefined;
  /** Fetches go to the cluster's streaming client unless a stream brought its own. */
  private ownClient: ClusterClient | undefined;
  /** The most one Fetch may ask of a broker, per partition and per response (limits.fetchMaxBytes). */
  private fetchCap = 16 * 1024 * 1024;
  /** The cluster's schema decoding when it has a registry: every fetch looks up the schema ids it brought. */
  schemas: SchemaDecoding | undefined;

  private constructor(
    readonly clusterId: string,
    readonly topic: string,
  ) {}

  /** A reader for an existing topic; 404 when there is no such topic. */
  static async open(clusterId: string, topic: string): Promise<TopicReader> {
    const reader = new TopicReader(clusterId, topic);
    reader.fetchCap = (await appConfig()).limits.fetchMaxBytes;
    reader.schemas = schemaDecodingFor(await getCluster(clusterId));
    // Cached metadata may predate a topic created a moment ago: ask Kafka again before a 404.
    reader.meta = await getTopicMeta(clusterId, topic).catch((error) => {
      if (error instanceof ApiError && error.status === 404) return getTopicMeta(clusterId, topic, true);
      throw error;
    });
    return reader;
  }

  get partitionIds(): number[] {
    return this.meta!.partitions.map((p) => p.partition);
  }

  /** The asked partitions (all when 'all'), checked to exist (against fresh metadata before a 404). */
  async choose(partitions: number[] | 'all'): Promise<number[]> {
    if (partitions === 'all') return this.partitionIds;
    let known = new Set(this.partitionIds);
    if (partitions.some((p) => !known.has(p))) {
      this.meta = await getTopicMeta(this.clusterId, this.topic, true);
      known = new Set(this.partitionIds);
    }
    const missing = partitions.filter((p) => !known.has(p));
    if (missing.length > 0) {
      throw notFound(
        `Topic "${this.topic}" has no partition ${missing.join(', ')} (it has ${known.size} partition${known.size === 1 ? '' : 's'}: 0 to ${known.size - 1}).`,
      );
    }
    return partitions;
  }

  /** Sends this reader's fetches through `client` (a stream's dedicated one) from now on. */
  useClient(client: ClusterClient): void {
    this.ownClient = client;
  }

  /** The partitions grouped by current leader, so each leader can be read at its own pace. */
  byLeader(partitions: number[]): number[][] {
    const groups = new Map<number, number[]>();
    for (const partition of partitions) {
      const leader = this.meta!.partitions.find((p) => p.partition === partition)?.leader ?? -1;
      groups.set(leader, [...(groups.get(leader) ?? []), partition]);
    }
    return [...groups.values()];
  }

  /** Log start and high watermark of each partition. */
  async ranges(partitions: number[]): Promise<PartitionRange[]> {
    const refs = partitions.map((partition) => ({ topic: this.topic, partition }));
    const [earliest, latest] = await Promise.all([
      listPartitionOffsets(this.clusterId, refs, 'earliest'),
      listPartitionOffsets(this.clusterId, refs, 'latest'),
    ]);
    return partitions.map((partition) => {
      const start = earliest.get(this.topic)?.get(partition);
      const end = latest.get(this.topic)?.get(partition);
      if (start === undefined || end === undefined) {
        throw new KafkaProtocolError(ErrorCode.LEADER_NOT_AVAILABLE, `partition ${partition} of "${this.topic}" has no reachable leader`);
      }
      return { partition, start, end };
    });
  }

  /** Per partition, the first offset whose timestamp is at or after `timestamp` (the end if none). */
  async offsetsForTime(ranges: PartitionRange[], timestamp: number): Promise<Map<number, number>> {
    if (!Number.isFinite(timestamp) || timestamp < 0) throw badRequest(`${timestamp} is not a valid timestamp`);
    const found = await listPartitionOffsets(
      this.clusterId,
      ranges.map((r) => ({ topic: this.topic, partition: r.partition })),
      timestamp,
    );
    const byPartition = found.get(this.topic);
    return new Map(
      ranges.map((r) => {
        const offset = byPartition?.get(r.partition);
        return [r.partition, offset === undefined || offset < 0 ? r.end : offset];
      }),
    );
  }

  get maxFetchBytes(): number {
    return this.fetchCap;
  }

  /** One Fetch per leader, all leaders at once; sizes above limits.fetchMaxBytes are lowered to it. */
  async fetch(asks: FetchAsk[], options: FetchOptions = {}): Promise<FetchedPartition[]> {
    const fetched = await this.fetchAll(asks, options);
    // Decoding in the record loops is synchronous: the schemas they will meet are looked up here.
    if (this.schemas) await this.schemas.prepare(schemaIdsIn(fetched));
    return fetched;
  }

  private async fetchAll(asks: FetchAsk[], options: FetchOptions): Promise<FetchedPartition[]> {
    const first = await this.fetchOnce(asks, options);
    if (first.retry.length === 0) return first.done;
    this.meta = await getTopicMeta(this.clusterId, this.topic, true);
    const second = await this.fetchOnce(first.retry, options);
    if (second.retry.length > 0) {
      throw new KafkaProtocolError(second.retryCodes[0] ?? ErrorCode.LEADER_NOT_AVAILABLE, `partition ${second.retry[0].partition} of "${this.topic}"`);
    }
    return [...first.done, ...second.done];
  }

  private async fetchOnce(asks: FetchAsk[], options: FetchOptions) {
    const byLeader = new Map<number, FetchAsk[]>();
    const retry: FetchAsk[] = [];
    const retryCodes: number[] = [];
    for (const ask of asks) {
      const leader = this.meta!.partitions.find((p) => p.partition === ask.partition)?.leader ?? -1;
      if (leader < 0) {
        retry.push(ask);
        retryCodes.push(5);
        continue;
      }
      const list = byLeader.get(leader) ?? [];
      list.push(ask);
      byLeader.set(leader, list);
    }
    const client = this.ownClient ?? (await getStreamingClient(this.clusterId));
    const done: FetchedPartition[] = [];
    const maxWaitMs = options.maxWaitMs ?? 0;
    await Promise.all(
      [...byLeader].map(async ([leader, list]) => {
        const askFor = new Map(list.map((a) => [a.partition, a]));
        const connection = await client.broker(leader);
        const response = await connection.send(
          Fetch,
          {
            replicaId: -1,
            maxWaitMs,
            minBytes: options.minBytes ?? 1,
            maxBytes: Math.min(options.responseMaxBytes ?? this.fetchCap, this.fetchCap),
            isolationLevel: 0,
            sessionId: 0,
            sessionEpoch: -1,
            topics: [
              {
                topic: this.topic,
                topicId: this.meta!.topicId ?? undefined,
                partitions: list.map((a) => ({
                  partition: a.partition,
                  currentLeaderEpoch: -1,
                  fetchOffset: a.offset,
                  lastFetchedEpoch: -1,
                  logStartOffset: -1,
                  partitionMaxBytes: Math.min(a.maxBytes, this.fetchCap),
                })),
              },
            ],
            forgottenTopicsData: [],
            rackId: '',
          },
          { timeoutMs: maxWaitMs + 30_000 },
        );
        for (const t of response.responses) {
          for (const p of t.partitions) {
            const ask = askFor.get(p.partitionIndex);
            if (!ask) continue;
            if (LEADER_MOVED_ERRORS.has(p.errorCode)) {
              retry.push(ask);
              retryCodes.push(p.errorCode);
            } else if (p.errorCode !== ErrorCode.NONE && p.errorCode !== ErrorCode.OFFSET_OUT_OF_RANGE) {
              throw new KafkaProtocolError(p.errorCode, `fetching partition ${p.partitionIndex} of "${this.topic}"`);
            } else done.push(toFetched(ask, p));
          }
        }
      }),
    );
    return { done, retry, retryCodes };
  }
}

function toFetched(ask: FetchAsk, p: FetchResponsePartitionData): FetchedPartition {
  return {
    partition: ask.partition,
    offset: ask.offset,
    highWatermark: p.highWatermark,
    logStartOffset: p.logStartOffset ?? -1,
    outOfRange: p.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE,
    records: p.records,
  };
}
