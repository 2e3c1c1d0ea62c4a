import type { HealthStatus } from '@/lib/api/groups';

export type LagTone = 'plain' | 'mild' | 'warn' | 'danger';

/**
 * How loudly a lag number is coloured. The group's verdict says whether lag is a problem at all
 * (a healthy busy group is always some messages behind); within a list, a number is coloured by
 * its share of the largest one shown, so 1 next to 1,608 stays quiet. Zero is never coloured.
 */
export function lagTone(status: HealthStatus, lag: number | null | undefined, largest: number): LagTone {
  if (!lag || lag <= 0 || status === 'OK') return 'plain';
  const share = largest > 0 ? lag / largest : 1;
  if (share < 0.1) return 'plain';
  if (share < 0.5) return 'mild';
  return status === 'WARN' ? 'warn' : 'danger';
}

/** The largest lag of a list, for `lagTone`. */
export function largestLag(lags: (number | null | undefined)[]): number {
  return lags.reduce<number>((m, l) => Math.max(m, l ?? 0), 0);
}
