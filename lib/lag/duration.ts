import { durationPattern } from '@/lib/api/groups';

/** Milliseconds from an ISO-8601 duration subset (P1D, PT1H30M, PT45S) or a number of ms; null if invalid. */
export function parseDuration(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) && input > 0 ? input : null;
  const match = durationPattern.exec(input.trim().toUpperCase());
  if (!match || input.trim().toUpperCase() === 'P' || /T$/.test(input.trim())) return null;
  const [, d, h, m, s] = match;
  const ms = ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
  return ms > 0 ? ms : null;
}
