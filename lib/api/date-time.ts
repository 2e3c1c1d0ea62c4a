// Date-times at the API boundary (message positions, replay ranges, offset resets): ISO 8601 with
// a time zone, or epoch milliseconds.

/** Epoch milliseconds, or why the text is not a date-time; a zone-less time would depend on the server's zone. */
export function parseDateTime(input: string): number | string {
  const s = input.trim();
  if (/^\d{1,16}$/.test(s)) return Number(s);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    return /^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(s)
      ? `"${s}" has no time zone; add Z or an offset like +02:00`
      : `"${s}" is not a date-time (use ISO 8601 like 2024-05-01T10:00:00Z, or epoch milliseconds)`;
  }
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? `"${s}" is not a valid date-time` : ms;
}
