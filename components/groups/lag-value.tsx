/**
 * A lag count, right-aligned with tabular figures; a dash when unknown (no committed offset).
 * Colour follows the group's health, not the size of the number: 40 messages behind is normal for
 * a busy healthy group and alarming for a stopped one.
 */
export function LagValue({ lag, testId, tone = 'plain' }: { lag: number | null | undefined; testId?: string; tone?: 'plain' | 'warn' | 'danger' }) {
  if (lag === null || lag === undefined) {
    return <span className="text-slate-400" data-testid={testId} data-value="" title="No committed offset">–</span>;
  }
  const color = lag === 0 || tone === 'plain' ? 'text-slate-800' : tone === 'warn' ? 'font-medium text-amber-700' : 'font-semibold text-red-700';
  return (
    <span className={`tabular-nums ${color}`} data-testid={testId} data-value={lag} title={`${lag.toLocaleString('en-US')} messages`}>
      {lag.toLocaleString('en-US')}
    </span>
  );
}
