import type { HealthStatus } from '@/lib/api/groups';

const styles: Record<HealthStatus, { label: string; active: string; idle: string }> = {
  STOP: { label: 'Stopped', active: 'bg-red-700 text-white ring-red-700', idle: 'text-red-800 ring-red-200 bg-red-50' },
  STALL: { label: 'Stalled', active: 'bg-red-600 text-white ring-red-600', idle: 'text-red-700 ring-red-200 bg-red-50' },
  WARN: { label: 'Falling behind', active: 'bg-amber-500 text-white ring-amber-500', idle: 'text-amber-800 ring-amber-200 bg-amber-50' },
  OK: { label: 'OK', active: 'bg-emerald-600 text-white ring-emerald-600', idle: 'text-emerald-800 ring-emerald-200 bg-emerald-50' },
};

// No group in a verdict is nothing to be alarmed by: a zero count is never tinted.
const none = 'bg-white text-slate-500 ring-slate-200';

/** Counts per health verdict, worst first; each one filters the list to it. */
export function HealthSummary({ counts, selected, onSelect }: {
  counts: Record<HealthStatus, number>;
  selected: HealthStatus | undefined;
  onSelect: (status: HealthStatus | undefined) => void;
}) {
  return (
    <div className="flex flex-wrap gap-2" data-testid="health-summary">
      {(['STOP', 'STALL', 'WARN', 'OK'] as const).map((status) => {
        const s = styles[status];
        const active = selected === status;
        return (
          <button
            key={status}
            type="button"
            onClick={() => onSelect(active ? undefined : status)}
            aria-pressed={active}
            data-testid={`health-filter-${status}`}
            data-tone={active ? 'active' : counts[status] === 0 ? 'none' : status}
            className={`flex items-baseline gap-2 rounded-md px-3 py-1.5 text-sm ring-1 ring-inset ${active ? s.active : counts[status] === 0 ? none : s.idle}`}
          >
            <span className="text-lg font-semibold tabular-nums">{counts[status].toLocaleString('en-US')}</span>
            <span>{s.label}</span>
          </button>
        );
      })}
    </div>
  );
}
