import type { GroupDetail, TopicTrend } from '@/lib/api/groups';
import { formatDuration } from '@/lib/format/duration';
import { formatRate } from './format';
import { lagTone } from '@/lib/lag/severity';
import { catchUpVerdict, FLAT_LAG_RATE, type CatchUp } from '@/lib/lag/trend';
import { LagValue } from './lag-value';

function Stat({ label, children, testId, hint }: { label: string; children: React.ReactNode; testId?: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm" title={hint}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <div className="mt-1 text-xl font-semibold" data-testid={testId}>{children}</div>
    </div>
  );
}

/** The numbers an operator looks at first: how far behind, which way it goes, and when it is done. */
export function GroupStats({ group }: { group: GroupDetail }) {
  const sum = (pick: (t: TopicTrend) => number | null) => {
    const values = group.trends.map(pick).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  };
  const tone = lagTone(group.health.status, group.totalLag, group.totalLag ?? 0);
  const lagRate = sum((t) => t.lagPerSecond);
  const consume = sum((t) => t.consumePerSecond);
  const produce = sum((t) => t.producePerSecond);
  const etas = group.trends.map((t) => t.catchUpSeconds);
  const eta = group.totalLag === 0 ? 0 : etas.some((e) => e === null) || etas.length === 0 ? null : Math.max(...(etas as number[]));
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
      <Stat label="Total lag" testId="group-total-lag"><LagValue lag={group.totalLag} tone={tone} /></Stat>
      <Stat label="Worst partition" testId="group-worst-partition">
        {group.worstPartition && group.worstPartition.lag > 0 ? (
          <span className="flex items-baseline gap-2">
            <LagValue lag={group.worstPartition.lag} tone={lagTone(group.health.status, group.worstPartition.lag, group.worstPartition.lag)} />
            <span className="truncate text-xs font-normal text-slate-500">{group.worstPartition.topic}-{group.worstPartition.partition}</span>
          </span>
        ) : <span className="text-slate-400">–</span>}
      </Stat>
      <Stat label="Lag trend" testId="group-lag-trend" hint="Least-squares slope of lag over the health window">
        <LagRate perSecond={lagRate} />
      </Stat>
      <Stat label="Consume / produce" testId="group-rates">
        <span className="text-base tabular-nums">{formatRate(consume)} <span className="text-slate-400">/</span> {formatRate(produce)}</span>
      </Stat>
      <Stat label="Catches up in" testId="group-eta" hint="Lag divided by (consumption rate − production rate)">
        <CatchUpText verdict={catchUpVerdict(group.health.status, group.totalLag, eta, consume)} />
      </Stat>
    </div>
  );
}

/** Rising lag is red, falling green; a flat one is plain 0/s. */
function LagRate({ perSecond }: { perSecond: number | null }) {
  if (perSecond === null) return <span className="text-slate-400">–</span>;
  if (Math.abs(perSecond) < FLAT_LAG_RATE) return <span className="tabular-nums text-slate-700">{formatRate(0)}</span>;
  return perSecond > 0
    ? <span className="tabular-nums text-red-700">▲ +{formatRate(perSecond)}</span>
    : <span className="tabular-nums text-emerald-700">▼ −{formatRate(-perSecond)}</span>;
}

function CatchUpText({ verdict }: { verdict: CatchUp }) {
  switch (verdict.kind) {
    case 'caught-up':
      return <span>caught up</span>;
    case 'keeping-up':
      return <span className="text-base text-slate-700">keeping up</span>;
    case 'estimate':
      return <span className="tabular-nums">≈ {formatDuration(verdict.seconds * 1000)}</span>;
    case 'not-consuming':
      return <span className="text-sm text-red-700">never: not consuming</span>;
    case 'not-at-current-rates':
      return <span className="text-sm text-red-700">not at current rates</span>;
  }
}
