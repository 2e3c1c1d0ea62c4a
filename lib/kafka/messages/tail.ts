import 'server-only';
import { LIST_PAYLOAD_LIMIT, type Message, type PartitionRange, type SearchTerms } from '@/lib/api/messages';
import type { Masker } from '@/lib/messages/masking';
import { compileRequestedSearch, type CompiledSearch } from './matcher';
import { openDedicatedClient } from '../protocol-pool';
import { forEachBatch, RecordCursor } from './record-cursor';
import { messageBytes, toMessage } from './to-message';
import { TopicReader } from './topic-reader';

// Live tail: long-polling fetches from the end of each partition, with the same search terms
// as search. New messages are sent in batches at most every FLUSH_MS; a topic busier than
// MAX_PER_FLUSH per flush has the surplus counted as skipped rather than flooding the browser;
// so is a batch the browser had no room for (send returned false), so the count stays honest.
// A flush also stops at FLUSH_BYTES, the rest counted as skipped, so one batch cannot be large.
// Each tail long-polls on connections of its own: on shared ones, every poll would hold back the
// requests queued behind it for up to WAIT_MS. That is one connection per leader it reads (no
// bootstrap one: the addresses come from the cluster's shared client); how many tails run at
// once is limited per user and per cluster (limits.tailsPerUser, limits.tailsPerCluster).

const FLUSH_MS = 200;
const MAX_PER_FLUSH = 500;
const WAIT_MS = 1_000;
const TAIL_PARTITION_BYTES = 1024 * 1024;
/** One long poll's answer from one leader: a busy topic is dropped beyond it anyway. */
const TAIL_RESPONSE_BYTES = 4 * 1024 * 1024;
const FLUSH_BYTES = 1024 * 1024;

export interface TailBatch {
  messages: Message[];
  skipped: number;
}

export interface PreparedTail {
  ranges: PartitionRange[];
  /** `send` returns false when the batch could not be delivered (the browser is too far behind). */
  run(send: (batch: TailBatch) => boolean | void, signal: AbortSignal): Promise<void>;
}

export async function prepareTail(
  clusterId: string,
  topic: string,
  partitions: number[] | 'all',
  terms: Partial<SearchTerms>,
  /** Masks what is tested and sent, like search. */
  masker?: Masker,
): Promise<PreparedTail> {
  compileRequestedSearch(terms, masker);
  const reader = await TopicReader.open(clusterId, topic);
  const search = compileRequestedSearch(terms, masker, reader.schemas);
  const ranges = await reader.ranges(await reader.choose(partitions));
  return {
    ranges,
    run: async (send, signal) => {
      const own = await openDedicatedClient(clusterId);
      try {
        reader.useClient(own.client);
        await tail(reader, ranges, search, send, signal);
      } finally {
        await own.close();
      }
    },
  };
}

async function tail(
  reader: TopicReader,
  ranges: PartitionRange[],
  search: CompiledSearch,
  send: (batch: TailBatch) => boolean | void,
  signal: AbortSignal,
): Promise<void> {
  const positions = new Map(ranges.map((r) => [r.partition, r.end]));
  let pending: Message[] = [];
  let pendingBytes = 0;
  let skipped = 0;
  const flush = () => {
    if (pending.length === 0 && skipped === 0) return;
    const delivered = send({ messages: pending, skipped }) !== false;
    // Undelivered: its messages join the skipped count, which waits for the next batch that gets through.
    skipped = delivered ? 0 : skipped + pending.length;
    pending = [];
    pendingBytes = 0;
  };
  const timer = setInterval(flush, FLUSH_MS);
  const cursor = new RecordCursor();
  // One long poll per leader: a quiet broker must not hold back a busy one.
  const follow = async (partitions: number[]) => {
    while (!signal.aborted) {
      const fetched = await reader.fetch(
        partitions.map((partition) => ({ partition, offset: positions.get(partition)!, maxBytes: TAIL_PARTITION_BYTES })),
        { maxWaitMs: WAIT_MS, minBytes: 1, responseMaxBytes: TAIL_RESPONSE_BYTES },
      );
      if (signal.aborted) break;
      for (const f of fetched) {
        let next = positions.get(f.partition)!;
        if (f.outOfRange) {
          // The log was truncated or deleted under us: follow its new end.
          positions.set(f.partition, f.highWatermark >= 0 ? f.highWatermark : f.logStartOffset);
          continue;
        }
        forEachBatch(f.records, (batch) => {
          if (batch.lastOffset < next) return;
          cursor.reset(batch);
          while (cursor.next()) {
            if (cursor.offset < next || !search.test(cursor, f.partition)) continue;
            if (pending.length < MAX_PER_FLUSH && pendingBytes < FLUSH_BYTES) {
              const m = toMessage(cursor, batch, f.partition, LIST_PAYLOAD_LIMIT, search.masker, search.schemas);
              pending.push(m);
              pendingBytes += messageBytes(m);
            } else skipped++;
          }
          next = batch.lastOffset + 1;
        });
        positions.set(f.partition, next);
      }
    }
  };
  try {
    await Promise.all(reader.byLeader(ranges.map((r) => r.partition)).map(follow));
  } finally {
    clearInterval(timer);
  }
  if (!signal.aborted) flush();
}
