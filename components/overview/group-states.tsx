import Link from 'next/link';
import type { OverviewResponse } from '@/lib/api/overview';

const stateColor: Record<string, string> = {
  Stable: 'bg-emerald-500',
  Empty: 'bg-slate-400',
  PreparingRebalance: 'bg-amber-500',
  CompletingRebalance: 'bg-amber-400',
  Assigning: 'bg-amber-400',
  Reconciling: 'bg-amber-400',
  Dead: 'bg-red-500',
};

/** Consumer groups by state as one stacked bar with a legend; links to the groups page. */
export function GroupStates({ cluster, groups }: { cluster: string; groups: OverviewResponse['groups'] }) {
  const href = `/clusters/${encodeURIComponent(cluster)}/groups`;
  if (groups.error) return <p className="text-sm text-amber-800" data-testid="overview-groups-error">{groups.error}</p>;
  if (groups.total === 0) return <p className="text-sm text-slate-500">No consumer groups.</p>;
  return (
    <div className="space-y-3" data-testid="overview-groups">
      <div className="flex h-3 overflow-hidden rounded-full bg-slate-100">
        {groups.byState.map((s) => (
          <div
            key={s.state}
            className={stateColor[s.state] ?? 'bg-sky-500'}
            style={{ width: `${(s.count / groups.total) * 100}%` }}
            title={`${s.state}: ${s.count}`}
          />
        ))}
      </div>
      <ul className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
        {groups.byState.map((s) => (
          <li key={s.state} className="flex items-center justify-between" data-testid={`overview-groups-${s.state}`}>
            <span className="flex items-center gap-2">
              <span className={`h-2.5 w-2.5 rounded-sm ${stateColor[s.state] ?? 'bg-sky-500'}`} />
              {s.state}
            </span>
            <span className="tabular-nums font-medium">{s.count.toLocaleString('en-US')}</span>
          </li>
        ))}
      </ul>
      <Link href={href} className="text-xs font-medium text-sky-700 hover:underline">All consumer groups →</Link>
    </div>
  );
}
