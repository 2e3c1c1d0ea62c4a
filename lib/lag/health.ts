import type { Health } from '@/lib/api/groups';
import { formatDuration } from '@/lib/format/duration';
import { formatExact } from '@/lib/format/number';

// A verdict in the spirit of Burrow: judge a consumer by how its offsets and lag moved over a
// window, not by one lag number. Rules, first match wins:
//   STOP  lag > 0 and no active member: nothing is consuming.
//   OK    nothing pending (lag 0), or no committed offsets to judge.
//   STALL lag > 0 on a partition whose committed offset has not moved for the whole window
//         although the group has members: the consumer is alive but stuck.
//   WARN  lag rose over the window and never reached 0: the consumer is falling behind.
//   OK    otherwise.

export interface HealthPartition {
  topic: string;
  partition: number;
  lag: number | null;
  /** Last time the committed offset was seen to change; null if never seen changing. */
  lastMovedAt: number | null;
  /** First time this partition's offset was observed (how long we have watched it). */
  observedSince: number;
}

export interface HealthInput {
  state: string;
  members: number;
  partitions: readonly HealthPartition[];
  /** The group's total lag over time, oldest first. */
  lagSeries: readonly { t: number; lag: number }[];
  now: number;
  windowMs: number;
}

const INACTIVE_STATES = new Set(['Empty', 'Dead']);

export function evaluateHealth(input: HealthInput): Health {
  const { partitions, now, windowMs } = input;
  const known = partitions.filter((p) => p.lag !== null);
  if (known.length === 0) {
    return { status: 'OK', reason: input.members > 0 ? 'No committed offsets yet.' : 'No committed offsets.' };
  }
  const total = known.reduce((sum, p) => sum + (p.lag ?? 0), 0);
  const inactive = input.members === 0 || INACTIVE_STATES.has(input.state);

  if (total > 0 && inactive) {
    const lastMove = Math.max(...known.map((p) => p.lastMovedAt ?? -Infinity));
    const since = Number.isFinite(lastMove) ? `; offsets last moved ${formatDuration(now - lastMove)} ago` : '';
    return { status: 'STOP', reason: `No active members: ${formatExact(total)} ${total === 1 ? 'message' : 'messages'} waiting and nothing consuming${since}.` };
  }
  if (total === 0) return { status: 'OK', reason: 'Caught up: no lag.' };

  const stalled = known
    .filter((p) => (p.lag ?? 0) > 0 && now - p.observedSince >= windowMs && now - (p.lastMovedAt ?? p.observedSince) >= windowMs)
    .sort((a, b) => (b.lag ?? 0) - (a.lag ?? 0));
  if (stalled.length > 0) {
    const [worst] = stalled;
    const still = now - (worst.lastMovedAt ?? worst.observedSince);
    const more = stalled.length > 1 ? ` (and ${stalled.length - 1} more partition${stalled.length > 2 ? 's' : ''})` : '';
    return {
      status: 'STALL',
      reason: `Committed offset of ${worst.topic}-${worst.partition} has not moved for ${formatDuration(still)} while ${formatExact(worst.lag ?? 0)} ${worst.lag === 1 ? 'message waits' : 'messages wait'}${more}.`,
    };
  }

  const growth = lagGrowth(input.lagSeries, now, windowMs);
  if (growth) {
    return {
      status: 'WARN',
      reason: `Lag growing: ${formatExact(growth.from)} → ${formatExact(growth.to)} in ${formatDuration(growth.overMs)}; consumers are falling behind.`,
    };
  }
  return { status: 'OK', reason: `Keeping up: lag ${formatExact(total)}.` };
}

/**
 * Lag "grows" when, within the window, it never touched 0, ended higher than it started, and rose in
 * at least two thirds of the intervals (commits arrive in steps, so a few dips are normal).
 */
export function lagGrowth(series: readonly { t: number; lag: number }[], now: number, windowMs: number) {
  const points = series.filter((p) => p.t >= now - windowMs);
  if (points.length < 3) return null;
  if (points.some((p) => p.lag === 0)) return null;
  const first = points[0];
  const last = points[points.length - 1];
  if (last.lag <= first.lag) return null;
  let rises = 0;
  for (let i = 1; i < points.length; i++) if (points[i].lag > points[i - 1].lag) rises++;
  if (rises * 3 < (points.length - 1) * 2) return null;
  return { from: first.lag, to: last.lag, overMs: last.t - first.t };
}
