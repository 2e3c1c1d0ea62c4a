import type { SeriesPoint } from './history';

// Rates from a lag series: how fast the group consumes, how fast producers write, where lag is
// heading, and when it reaches zero if the rates hold.

export interface Trend {
  lag: number | null;
  lagPerSecond: number | null;
  consumePerSecond: number | null;
  producePerSecond: number | null;
  catchUpSeconds: number | null;
}

/**
 * `currentLag` is the lag read just now; the series may be a few seconds older (points closer than
 * the sampling gap are merged), and the estimate must start from what the page shows.
 */
export function lagTrend(points: readonly SeriesPoint[], now: number, windowMs: number, currentLag?: number | null): Trend {
  const recent = points.filter((p) => p.t >= now - windowMs);
  const last = points[points.length - 1];
  const lag = currentLag !== undefined ? currentLag : (last?.lag ?? null);
  if (!last || recent.length < 2) {
    return { lag, lagPerSecond: null, consumePerSecond: null, producePerSecond: null, catchUpSeconds: lag === 0 ? 0 : null };
  }
  const first = recent[0];
  const seconds = (last.t - first.t) / 1000;
  const consume = Math.max(0, (last.consumed - first.consumed) / seconds);
  const produce = Math.max(0, (last.produced - first.produced) / seconds);
  const lagPerSecond = slope(recent);
  return {
    lag,
    lagPerSecond,
    consumePerSecond: consume,
    producePerSecond: produce,
    catchUpSeconds: lag === null ? null : catchUp(lag, consume - produce),
  };
}

/** Seconds to reach lag 0 when consumption outpaces production; null when it never will. */
export function catchUp(lag: number, netPerSecond: number): number | null {
  if (lag <= 0) return 0;
  if (netPerSecond <= 0) return null;
  return lag / netPerSecond;
}

/** Least-squares slope of lag over time, in messages per second (robust to one noisy sample). */
export function slope(points: readonly { t: number; lag: number }[]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const t0 = points[0].t;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const x = (p.t - t0) / 1000;
    sx += x;
    sy += p.lag;
    sxx += x * x;
    sxy += x * p.lag;
  }
  const d = n * sxx - sx * sx;
  return d === 0 ? null : (n * sxy - sx * sy) / d;
}

/** Lag moving slower than this (messages per second) is flat: no arrow, no colour. */
export const FLAT_LAG_RATE = 0.05;

export type CatchUp =
  | { kind: 'caught-up' }
  /** Some lag, but the health verdict is OK: messages in flight, not a group falling behind. */
  | { kind: 'keeping-up' }
  | { kind: 'estimate'; seconds: number }
  | { kind: 'not-consuming' }
  | { kind: 'not-at-current-rates' };

/**
 * What "catches up in" says. An estimate is given only for a group that is behind (its health is
 * not OK); a healthy group with messages in flight is keeping up, which is neither red nor a time.
 */
export function catchUpVerdict(status: string, totalLag: number | null, seconds: number | null, consumePerSecond: number | null): CatchUp {
  if (totalLag === 0) return { kind: 'caught-up' };
  if (status === 'OK') return { kind: 'keeping-up' };
  if (status === 'STOP' || ((consumePerSecond ?? 0) === 0 && (totalLag ?? 0) > 0)) return { kind: 'not-consuming' };
  return seconds === null ? { kind: 'not-at-current-rates' } : { kind: 'estimate', seconds };
}
