import type { GroupDetail, TopicTrend } from '@/lib/api/groups';
import { formatDuration } from '@/lib/format/duration';
import { formatRate } from './format';
import { lagTone } from '@/lib/lag/severity';
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
        <span className={`tabular-nums ${lagRate === null ? 'text-slate-400' : lagRate > 0.05 ? 'text-red-700' : lagRate < -0.05 ? 'text-emerald-700' : 'text-slate-700'}`}>
          {lagRate === null ? '–' : `${lagRate > 0 ? '▲ +' : lagRate < 0 ? '▼ ' : ''}${formatRate(lagRate)}`}
        </span>
      </Stat>
      <Stat label="Consume / produce" testId="group-rates">
        <span className="text-base tabular-nums">{formatRate(consume)} <span className="text-slate-400">/</span> {formatRate(produce)}</span>
      </Stat>
      <Stat label="Catches up in" testId="group-eta" hint="Lag divided by (consumption rate − production rate)">
        <span className="tabular-nums">
          {eta === 0 ? 'caught up' : eta === null ? <span className="text-sm text-red-700">{(consume ?? 0) === 0 && (group.totalLag ?? 0) > 0 ? 'never: not consuming' : 'not at current rates'}</span> : `≈ ${formatDuration(eta * 1000)}`}
        </span>
      </Stat>
    </div>
  );
}
