import type { PartitionRange, StartMode } from '@/lib/api/messages';

// Where a read is in each partition, and how a page moves it on.
//
// A read goes forward (oldest first) or backward (newest first). "earliest" always reads
// forward and "latest" always reads backward, whatever order the page is shown in: "latest,
// oldest first" is the newest N shown in order, and its next page is the N before them.
// A position is, per partition, the next offset to read (forward) or the exclusive upper bound
// of what is still to read (backward).

export type Order = 'asc' | 'desc';
export type Direction = 'forward' | 'backward';

export interface ReadPosition {
  direction: Direction;
  /** partition -> position */
  positions: Map<number, number>;
}

export class CursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CursorError';
  }
}

export function readingDirection(start: StartMode, order: Order): Direction {
  if (start === 'earliest') return 'forward';
  if (start === 'latest') return 'backward';
  return order === 'asc' ? 'forward' : 'backward';
}

/**
 * The first position in a partition. `at` is the offset asked for (start "offset") or the
 * offset a timestamp resolved to (start "time": for backward reads, the first offset after it).
 */
export function initialPosition(direction: Direction, start: StartMode, range: PartitionRange, at?: number): number {
  const clamp = (o: number) => Math.min(Math.max(o, range.start), range.end);
  switch (start) {
    case 'earliest':
      return range.start;
    case 'latest':
      return range.end;
    case 'offset':
      return clamp(direction === 'forward' ? at! : at! + 1);
    case 'time':
      return clamp(at!);
  }
}

/** Why an exact offset cannot be read in a partition, or undefined when it can. */
export function offsetOutOfRange(direction: Direction, offset: number, range: PartitionRange): string | undefined {
  const last = direction === 'forward' ? range.end : range.end - 1;
  if (offset >= range.start && offset <= last) return undefined;
  const span =
    range.end > range.start
      ? `holds offsets ${range.start} to ${range.end - 1}`
      : `is empty (its next offset is ${range.end})`;
  return `Offset ${offset} is out of range: partition ${range.partition} ${span}`;
}

/** Messages left to read from a position. */
export function remaining(direction: Direction, position: number, range: PartitionRange): number {
  return direction === 'forward'
    ? Math.max(0, range.end - Math.max(position, range.start))
    : Math.max(0, Math.min(position, range.end) - range.start);
}

/** Moves positions past the messages a page returned. */
export function advance(read: ReadPosition, emitted: Iterable<{ partition: number; offset: number }>): ReadPosition {
  const positions = new Map(read.positions);
  for (const { partition, offset } of emitted) {
    const current = positions.get(partition);
    if (current === undefined) continue;
    positions.set(partition, read.direction === 'forward' ? Math.max(current, offset + 1) : Math.min(current, offset));
  }
  return { direction: read.direction, positions };
}

export function hasMore(read: ReadPosition, ranges: PartitionRange[]): boolean {
  return ranges.some((r) => {
    const position = read.positions.get(r.partition);
    return position !== undefined && remaining(read.direction, position, r) > 0;
  });
}

export function encodeCursor(read: ReadPosition): string {
  const body = { v: 1, d: read.direction === 'forward' ? 'f' : 'b', p: [...read.positions].sort((a, b) => a[0] - b[0]) };
  return base64UrlEncode(JSON.stringify(body));
}

export function decodeCursor(cursor: string): ReadPosition {
  let body: unknown;
  try {
    body = JSON.parse(base64UrlDecode(cursor));
  } catch {
    throw new CursorError('The cursor is not valid (it may have been cut short when copied)');
  }
  const b = body as { v?: unknown; d?: unknown; p?: unknown };
  const pairs = Array.isArray(b.p) ? b.p : undefined;
  const valid =
    b.v === 1 &&
    (b.d === 'f' || b.d === 'b') &&
    pairs !== undefined &&
    pairs.length > 0 &&
    pairs.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((n) => Number.isSafeInteger(n) && n >= 0));
  if (!valid) throw new CursorError('The cursor is not valid');
  return { direction: b.d === 'f' ? 'forward' : 'backward', positions: new Map(pairs as [number, number][]) };
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new CursorError('The cursor is not valid');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
