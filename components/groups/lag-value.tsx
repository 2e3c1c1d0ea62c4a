import type { LagTone } from '@/lib/lag/severity';

const colors: Record<LagTone, string> = {
  plain: 'text-slate-800',
  mild: 'text-amber-700',
  warn: 'font-medium text-amber-700',
  danger: 'font-semibold text-red-700',
};

/**
 * A lag count, right-aligned with tabular figures; a dash when unknown (no committed offset).
 * The tone comes from `lagTone` (lib/lag/severity): the group's verdict and the number's size.
 */
export function LagValue({ lag, testId, tone = 'plain' }: { lag: number | null | undefined; testId?: string; tone?: LagTone }) {
  if (lag === null || lag === undefined) {
    return <span className="text-slate-400" data-testid={testId} data-value="" title="No committed offset">–</span>;
  }
  const shown = lag === 0 ? 'plain' : tone;
  return (
    <span className={`tabular-nums ${colors[shown]}`} data-testid={testId} data-value={lag} data-tone={shown} title={`${lag.toLocaleString('en-US')} messages`}>
      {lag.toLocaleString('en-US')}
    </span>
  );
}
