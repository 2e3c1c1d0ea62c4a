import type { Direction, Order } from './cursor';

// Pages across partitions are merged by timestamp (ties by partition, then offset), the way a
// reader thinks of "newest first"; within one partition the log's offset order is kept.

export interface Ordered {
  partition: number;
  offset: number;
  timestamp: number;
}

export function compareAsc(a: Ordered, b: Ordered): number {
  return a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset;
}

export function sortForDisplay<T extends Ordered>(messages: T[], order: Order): T[] {
  return messages.sort(order === 'asc' ? compareAsc : (a, b) => compareAsc(b, a));
}

/** One partition's messages in reading order; `head` may fetch more and resolves undefined at the end. */
export interface PartitionStream<T> {
  readonly partition: number;
  head(): T | undefined | Promise<T | undefined>;
  shift(): void;
}

export interface ByteBudget<T> {
  /** Stop before the item that would take the total past this (the first item is always taken). */
  maxBytes: number;
  sizeOf(item: T): number;
}

/**
 * Takes up to `limit` messages from the streams in reading order. Every stream's head is
 * known before one is chosen, so the result is exact; heads are fetched concurrently.
 */
export async function mergeStreams<T extends Ordered>(
  streams: PartitionStream<T>[],
  direction: Direction,
  limit: number,
  signal?: AbortSignal,
): Promise<T[]> {
  return (await mergeWithin(streams, direction, limit, { signal })).items;
}

/**
 * mergeStreams with a byte budget: the items stay an exact prefix of the reading order, so a
 * cursor after them continues where the budget stopped the page.
 */
export async function mergeWithin<T extends Ordered>(
  streams: PartitionStream<T>[],
  direction: Direction,
  limit: number,
  options: { signal?: AbortSignal; budget?: ByteBudget<T> },
): Promise<{ items: T[]; budgetReached: boolean; bytes: number }> {
  const { signal, budget } = options;
  const out: T[] = [];
  let bytes = 0;
  const before = direction === 'forward' ? compareAsc : (a: Ordered, b: Ordered) => compareAsc(b, a);
  let live = streams;
  while (out.length < limit && live.length > 0) {
    if (signal?.aborted) break;
    const pending = live.map((s) => s.head());
    // Buffered heads come back synchronously; only a refill costs an await.
    const heads = pending.some((h) => h instanceof Promise) ? await Promise.all(pending) : (pending as (T | undefined)[]);
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h !== undefined && (best === -1 || before(h, heads[best]!) < 0)) best = i;
    }
    if (best === -1) break;
    if (budget) {
      const size = budget.sizeOf(heads[best]!);
      if (out.length > 0 && bytes + size > budget.maxBytes) return { items: out, budgetReached: true, bytes };
      bytes += size;
    }
    out.push(heads[best]!);
    live[best].shift();
    live = live.filter((_, i) => heads[i] !== undefined);
  }
  return { items: out, budgetReached: false, bytes };
}
