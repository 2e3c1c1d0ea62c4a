// How often the console samples each cluster it has read: CONSOLE_SAMPLE_MS (CONSOLE_LAG_SAMPLE_MS,
// its older name, still works), default 10 s, never below 100 ms.

export const DEFAULT_SAMPLE_MS = 10_000;

export function sampleIntervalMs(): number {
  for (const name of ['CONSOLE_SAMPLE_MS', 'CONSOLE_LAG_SAMPLE_MS']) {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const ms = Number(raw);
    if (Number.isFinite(ms) && ms >= 100) return ms;
  }
  return DEFAULT_SAMPLE_MS;
}

/** How many topics keep history series (CONSOLE_HISTORY_TOPICS, default 100; 0 keeps none). */
export function maxTopicSeries(fallback: number): number {
  const raw = Number(process.env.CONSOLE_HISTORY_TOPICS);
  return process.env.CONSOLE_HISTORY_TOPICS && Number.isInteger(raw) && raw >= 0 ? Math.min(raw, 10_000) : fallback;
}
