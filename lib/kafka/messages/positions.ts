import 'server-only';
import { badRequest, fieldError } from '@/lib/api/errors';
import type { BrowseQuery, PartitionRange } from '@/lib/api/messages';
import {
  CursorError,
  decodeCursor,
  initialPosition,
  offsetOutOfRange,
  readingDirection,
  type ReadPosition,
} from '@/lib/messages/cursor';
import type { TopicReader } from './topic-reader';

export type PositionQuery = Pick<BrowseQuery, 'partitions' | 'start' | 'offset' | 'time' | 'order' | 'cursor'>;

/** Where a read starts in each partition (from a cursor, or from the start point asked for). */
export async function resolvePositions(reader: TopicReader, q: PositionQuery): Promise<{ read: ReadPosition; ranges: PartitionRange[] }> {
  if (q.cursor) {
    let read: ReadPosition;
    try {
      read = decodeCursor(q.cursor);
    } catch (error) {
      if (error instanceof CursorError) throw fieldError('cursor', error.message);
      throw error;
    }
    const known = new Set(reader.partitionIds);
    const unknown = [...read.positions.keys()].filter((p) => !known.has(p));
    if (unknown.length) throw fieldError('cursor', `The cursor names partition ${unknown.join(', ')}, which this topic does not have`);
    const ranges = await reader.ranges([...read.positions.keys()].sort((a, b) => a - b));
    return { read, ranges };
  }

  const partitions = await reader.choose(q.partitions ?? 'all');
  const ranges = await reader.ranges(partitions);
  const direction = readingDirection(q.start, q.order);
  let at: Map<number, number> | undefined;
  if (q.start === 'offset') {
    const offset = q.offset!;
    const problems = ranges.map((r) => offsetOutOfRange(direction, offset, r));
    // One partition: the offset must be in it. Several: it must be in at least one of them;
    // the others start at their nearest end.
    if (problems.every((p) => p !== undefined)) {
      throw fieldError('offset', ranges.length === 1 ? problems[0]! : `Offset ${offset} is out of range in every chosen partition. ${problems[0]}`);
    }
    at = new Map(ranges.map((r) => [r.partition, offset]));
  } else if (q.start === 'time') {
    const time = q.time!;
    if (time > Date.now() + 365 * 24 * 3600_000 * 100) throw badRequest('The date-time is too far in the future');
    // Backward reads include messages at exactly that time: their bound is the first offset after it.
    at = await reader.offsetsForTime(ranges, direction === 'forward' ? time : time + 1);
  }
  const positions = new Map(ranges.map((r) => [r.partition, initialPosition(direction, q.start, r, at?.get(r.partition))]));
  return { read: { direction, positions }, ranges };
}
