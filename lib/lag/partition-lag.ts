// Lag of one partition for one group, with the cases that make a plain `end - committed` wrong.

export interface PartitionOffsets {
  /** Committed offset of the group, or null when the group never committed for this partition. */
  committed: number | null;
  logStart: number;
  logEnd: number;
}

/**
 * - `no-commit`: nothing committed; the consumer's auto.offset.reset decides where it starts, so
 *   lag is unknown (shown as a dash, like kafka-consumer-groups).
 * - `below-log-start`: retention (or DeleteRecords) deleted messages the group never read. Lag is
 *   still log end − committed, as kafka-consumer-groups.sh and the exporters report it; `lost`
 *   says how much of that lag is already deleted and will never be consumed.
 * - `above-log-end`: the committed offset is past the end (topic recreated, log truncated);
 *   the consumer will reset, nothing is pending.
 */
export type LagNote = 'no-commit' | 'below-log-start' | 'above-log-end';

export interface PartitionLag {
  lag: number | null;
  note: LagNote | null;
  /** The part of `lag` deleted by retention before the group read it. */
  lost: number;
}

export function partitionLag({ committed, logStart, logEnd }: PartitionOffsets): PartitionLag {
  const end = Math.max(logEnd, logStart);
  if (committed === null || committed < 0) return { lag: null, note: 'no-commit', lost: 0 };
  if (committed < logStart) return { lag: end - committed, note: 'below-log-start', lost: logStart - committed };
  if (committed > end) return { lag: 0, note: 'above-log-end', lost: 0 };
  return { lag: end - committed, note: null, lost: 0 };
}

/** Sum of known lags; null when no partition has a committed offset (unknown, not zero). */
export function totalLag(lags: readonly { lag: number | null }[]): number | null {
  let total: number | null = null;
  for (const { lag } of lags) if (lag !== null) total = (total ?? 0) + lag;
  return total;
}

/** The partition furthest behind; ties go to the first, so the order stays stable between polls. */
export function worstPartition<T extends { lag: number | null }>(rows: readonly T[]): T | null {
  let worst: T | null = null;
  for (const row of rows) if (row.lag !== null && (worst === null || row.lag > (worst.lag ?? -1))) worst = row;
  return worst;
}
