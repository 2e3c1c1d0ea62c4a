import 'server-only';
import { notFound } from '@/lib/api/errors';
import type { BrowseQuery, BrowseResult, Message } from '@/lib/api/messages';
import { advance, encodeCursor, hasMore } from '@/lib/messages/cursor';
import type { Masker } from '@/lib/messages/masking';
import { mergeWithin, sortForDisplay } from '@/lib/messages/merge';
import { appConfig } from '../clusters';
import { resolvePositions } from './positions';
import { readForward } from './read-range';
import { BackwardStream, ForwardStream } from './streams';
import { messageBytes, toMessage } from './to-message';
import { TopicReader } from './topic-reader';

/** Smallest slice a partition decodes at a time, whatever its share of the byte budget. */
const MIN_FILL_BYTES = 256 * 1024;

/**
 * One page of a topic, exact across partitions, with a cursor for the next page. The page also
 * stops at limits.browseMaxBytes of messages (the first message is always returned, and list
 * payloads are already cut at LIST_PAYLOAD_LIMIT): it is then marked `truncated` and its cursor
 * goes on from there. Messages are masked by `masker` when given.
 */
export async function browseMessages(clusterId: string, topic: string, q: BrowseQuery, signal?: AbortSignal, masker?: Masker): Promise<BrowseResult> {
  const maxBytes = (await appConfig()).limits.browseMaxBytes;
  const reader = await TopicReader.open(clusterId, topic);
  const { read, ranges } = await resolvePositions(reader, q);
  // A slice per partition of about its share of the page; slices grow when one partition dominates.
  const parts = Math.max(1, ranges.length);
  const share = Math.max(20, Math.ceil((q.limit / parts) * 1.2));
  const chunk = ranges.length === 1 ? q.limit : Math.min(q.limit, share);
  const fillBytes = Math.min(maxBytes, Math.max(MIN_FILL_BYTES, Math.ceil((maxBytes / parts) * 1.2)));
  const streams = ranges.map((r) => {
    const position = read.positions.get(r.partition)!;
    return read.direction === 'forward'
      ? new ForwardStream(reader, r.partition, Math.max(position, r.start), r.end, chunk, signal, fillBytes, masker)
      : new BackwardStream(reader, r.partition, Math.min(position, r.end), r.start, chunk, signal, fillBytes, masker);
  });
  const page = await mergeWithin(streams, read.direction, q.limit, { signal, budget: { maxBytes, sizeOf: messageBytes } });
  const next = advance(read, page.items);
  const cursor = hasMore(next, ranges) ? encodeCursor(next) : null;
  return {
    messages: sortForDisplay(page.items, q.order),
    cursor,
    partitions: ranges,
    ...(page.budgetReached && cursor ? { truncated: { reason: 'max-bytes' as const, maxBytes, bytes: page.bytes } } : {}),
  };
}

/**
 * One message in full, or 404 when nothing is stored at that offset. Payloads longer than
 * limits.messageMaxBytes come back cut (marked `truncated`, with their full size); masked by `masker` when given.
 */
export async function readMessage(clusterId: string, topic: string, partition: number, offset: number, masker?: Masker): Promise<Message> {
  const { messageMaxBytes, fetchMaxBytes } = (await appConfig()).limits;
  const reader = await TopicReader.open(clusterId, topic);
  await reader.choose([partition]);
  const [range] = await reader.ranges([partition]);
  if (offset < range.start || offset >= range.end) {
    throw notFound(
      range.end > range.start
        ? `No message at offset ${offset}: partition ${partition} holds offsets ${range.start} to ${range.end - 1}.`
        : `No message at offset ${offset}: partition ${partition} is empty.`,
    );
  }
  let found: Message | undefined;
  await readForward(
    reader,
    partition,
    offset,
    offset + 1,
    (c, batch) => {
      if (c.offset === offset) found = toMessage(c, batch, partition, messageMaxBytes, masker, reader.schemas);
      return false;
    },
    { maxBytes: Math.min(16 * 1024 * 1024, fetchMaxBytes) },
  );
  if (!found) throw notFound(`No message at offset ${offset} of partition ${partition}: it holds a transaction marker or was removed by compaction.`);
  return found;
}
