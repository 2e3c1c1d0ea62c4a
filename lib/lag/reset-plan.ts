import type { ResetPlanRow } from '@/lib/api/groups';

// Where each partition's committed offset goes for a reset strategy, decided before anything is
// sent to Kafka so the operator sees every row of the change first.

export interface ResetPartitionInput {
  topic: string;
  partition: number;
  committed: number | null;
  logStart: number;
  logEnd: number;
  /**
   * For timestamp strategies: the first offset whose record timestamp is at or after the time, or
   * null when no record is that new (the partition then goes to its end, like Kafka's tool).
   */
  offsetForTime?: number | null;
}

/** Datetime and "back by a duration" both arrive here as an absolute timestamp. */
export type PlanStrategy =
  | { type: 'earliest' }
  | { type: 'latest' }
  | { type: 'timestamp'; timestamp: number }
  | { type: 'offset'; offset: number }
  | { type: 'shift'; by: number };

export function planReset(partitions: readonly ResetPartitionInput[], strategy: PlanStrategy): ResetPlanRow[] {
  return partitions.map((p) => {
    const { target, note } = targetFor(p, strategy);
    return {
      topic: p.topic,
      partition: p.partition,
      current: p.committed,
      target,
      logStart: p.logStart,
      logEnd: p.logEnd,
      delta: p.committed === null ? null : target - effectivePosition(p),
      note,
    };
  });
}

function targetFor(p: ResetPartitionInput, strategy: PlanStrategy): { target: number; note: string | null } {
  switch (strategy.type) {
    case 'earliest':
      return { target: p.logStart, note: null };
    case 'latest':
      return { target: p.logEnd, note: null };
    case 'timestamp':
      if (p.offsetForTime === null || p.offsetForTime === undefined || p.offsetForTime < 0) {
        return { target: p.logEnd, note: 'No message at or after that time: moved to the end.' };
      }
      return clamp(p, p.offsetForTime);
    case 'offset':
      return clamp(p, strategy.offset);
    case 'shift': {
      // Kafka's tool shifts from the log start when nothing is committed; say so.
      const base = p.committed ?? p.logStart;
      const shifted = clamp(p, base + strategy.by);
      return p.committed === null ? { target: shifted.target, note: 'No committed offset: shifted from the log start.' } : shifted;
    }
  }
}

/**
 * Where the consumer would really read from now: a committed offset outside the log is reset by
 * the consumer anyway, so deleted or non-existent messages are neither skipped nor replayed.
 */
function effectivePosition(p: ResetPartitionInput): number {
  return Math.min(Math.max(p.committed ?? p.logStart, p.logStart), p.logEnd);
}

/** Offsets outside the log would only make the consumer reset again; keep them inside and say so. */
function clamp(p: ResetPartitionInput, wanted: number): { target: number; note: string | null } {
  if (wanted < p.logStart) return { target: p.logStart, note: `${wanted} is before the log start: clamped to ${p.logStart}.` };
  if (wanted > p.logEnd) return { target: p.logEnd, note: `${wanted} is past the log end: clamped to ${p.logEnd}.` };
  return { target: wanted, note: null };
}

/** Messages the change skips (moving forward) and replays (moving back). */
export function planTotals(rows: readonly ResetPlanRow[]): { skipped: number; replayed: number } {
  let skipped = 0;
  let replayed = 0;
  for (const r of rows) {
    if (r.delta === null) continue;
    if (r.delta > 0) skipped += r.delta;
    else replayed -= r.delta;
  }
  return { skipped, replayed };
}
