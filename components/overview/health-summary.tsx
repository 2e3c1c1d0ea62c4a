import Link from 'next/link';
import type { HealthCheck, OverviewResponse } from '@/lib/api/overview';
import { HealthBadge } from '@/components/groups/health-badge';
import { formatCount, formatExact } from '@/lib/format/number';

const style = {
  ok: { row: 'text-emerald-800', dot: 'bg-emerald-500', icon: '✓' },
  warn: { row: 'border-amber-300 bg-amber-50 text-amber-900', dot: 'bg-amber-500', icon: '!' },
  danger: { row: 'border-red-300 bg-red-50 text-red-800', dot: 'bg-red-600', icon: '✕' },
};

function Icon({ severity }: { severity: HealthCheck['severity'] }) {
  const s = style[severity];
  return (
    <span aria-hidden className={`inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold text-white ${s.dot}`}>
      {s.icon}
    </span>
  );
}

/**
 * The overview's one health summary: what is wrong first, each problem with its explanation and a
 * link to the page that shows it (problem consumer groups by name); what is fine as one short line.
 */
export function HealthSummary({ cluster, checks, groups }: { cluster: string; checks: HealthCheck[]; groups: OverviewResponse['groups'] }) {
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  const problems = checks.filter((c) => c.severity !== 'ok').sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'danger' ? -1 : 1));
  const fine = checks.filter((c) => c.severity === 'ok');
  return (
    <section className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm" data-testid="health-summary" data-problems={problems.length}>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{problems.length === 0 ? 'Healthy: nothing needs attention' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}</h2>
      {problems.length > 0 && (
        <ul className="mb-3 space-y-2">
          {problems.map((c) => (
            <li key={c.id} data-testid={`health-${c.id}`} data-severity={c.severity} className={`rounded-md border px-3 py-2 ${style[c.severity].row}`}>
              <Link href={base + c.href} className="flex items-center gap-2 font-medium hover:underline">
                <Icon severity={c.severity} />
                {c.title}
              </Link>
              {c.id === 'groups' && groups.problems.length > 0 ? <ProblemGroups base={base} groups={groups} /> : <p className="ml-6 text-sm opacity-90">{c.detail}</p>}
            </li>
          ))}
        </ul>
      )}
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {fine.map((c) => (
          <li key={c.id} data-testid={`health-${c.id}`} data-severity={c.severity} title={c.detail}>
            <Link href={base + c.href} className={`inline-flex items-center gap-1.5 hover:underline ${style.ok.row}`}>
              <Icon severity="ok" />
              {c.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProblemGroups({ base, groups }: { base: string; groups: OverviewResponse['groups'] }) {
  const more = groups.problemCount - groups.problems.length;
  return (
    <ul className="ml-6 mt-1 space-y-1 text-sm" data-testid="overview-problem-groups">
      {groups.problems.map((g) => (
        <li key={g.groupId} className="flex flex-wrap items-baseline gap-x-2 text-slate-800" data-testid={`overview-problem-group-${g.groupId}`}>
          <HealthBadge health={{ status: g.status, reason: g.reason }} />
          <Link href={`${base}/groups/${encodeURIComponent(g.groupId)}`} className="font-mono font-medium text-sky-800 hover:underline">
            {g.groupId}
          </Link>
          {g.totalLag !== null && <span className="tabular-nums text-slate-600" title={`lag ${formatExact(g.totalLag)}`}>lag {formatCount(g.totalLag)}</span>}
          <span className="text-slate-600">{g.reason}</span>
        </li>
      ))}
      {more > 0 && (
        <li>
          <Link href={`${base}/groups`} className="text-xs font-medium text-sky-700 hover:underline">
            and {more} more on the groups page →
          </Link>
        </li>
      )}
    </ul>
  );
}
