import 'server-only';
import { notFound } from '@/lib/api/errors';
import type { BrowseQuery, BrowseResult, Message } from '@/lib/messages/api';
import { advance, encodeCursor, hasMore } from '@/lib/messages/cursor';
import type { Masker } from '@/lib/messages/masking';
import { mergeStreams, sortForDisplay } from '@/lib/messages/merge';
import { resolvePositions } from './positions';
import { readForward } from './read-range';
import { BackwardStream, ForwardStream } from './streams';
import { toMessage } from './to-message';
import { TopicReader } from './topic-reader';

/** One page of a topic, exact across partitions, with a cursor for the next page; masked by `masker` when given. */
export async function browseMessages(clusterId: string, topic: string, q: BrowseQuery, signal?: AbortSignal, masker?: Masker): Promise<BrowseResult> {
  const reader = await TopicReader.open(clusterId, topic);
  const { read, ranges } = await resolvePositions(reader, q);
  // A slice per partition of about its share of the page; slices grow when one partition dominates.
  const share = Math.max(20, Math.ceil((q.limit / Math.max(1, ranges.length)) * 1.2));
  const chunk = ranges.length === 1 ? q.limit : Math.min(q.limit, share);
  const streams = ranges.map((r) => {
    const position = read.positions.get(r.partition)!;
    return read.direction === 'forward'
      ? new ForwardStream(reader, r.partition, Math.max(position, r.start), r.end, chunk, signal, masker)
      : new BackwardStream(reader, r.partition, Math.min(position, r.end), r.start, chunk, signal, masker);
  });
  const page = await mergeStreams(streams, read.direction, q.limit, signal);
  const next = advance(read, page);
  return {
    messages: sortForDisplay(page, q.order),
    cursor: hasMore(next, ranges) ? encodeCursor(next) : null,
    partitions: ranges,
  };
}

/** One message in full (no payload cut, masked by `masker` when given), or 404 when nothing is stored at that offset. */
export async function readMessage(clusterId: string, topic: string, partition: number, offset: number, masker?: Masker): Promise<Message> {
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
      if (c.offset === offset) found = toMessage(c, batch, partition, Infinity, masker);
      return false;
    },
    { maxBytes: 16 * 1024 * 1024 },
  );
  if (!found) throw notFound(`No message at offset ${offset} of partition ${partition}: it holds a transaction marker or was removed by compaction.`);
  return found;
}
