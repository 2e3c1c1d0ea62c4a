'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { TopicSearch } from '@/components/topics/topic-search';
import { StatTile } from '@/components/overview/stat-tile';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { formatCount } from '@/lib/format/number';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { StaleBanner } from '@/components/ui/stale-banner';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { refreshNow } from '@/lib/queries/refresh';
import { replicaKeys, useReplicas, type ReplicaParams } from '@/lib/queries/replicas';
import { BrokerBalanceChart } from './broker-balance-chart';
import { BrokerLoadTable } from './broker-load-table';
import { LeaderElectionPanel } from './leader-election-panel';
import { ProblemTable } from './problem-table';
import { TopicProblemsTable } from './topic-problems-table';

export function ReplicasView({ cluster }: { cluster: string }) {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const brokerParam = search.get('broker');
  const params: ReplicaParams = {
    q: search.get('q') ?? '',
    broker: brokerParam !== null && /^\d+$/.test(brokerParam) ? Number(brokerParam) : undefined,
  };
  const setParams = (next: ReplicaParams) => {
    const s = new URLSearchParams();
    if (next.q) s.set('q', next.q);
    if (next.broker !== undefined) s.set('broker', String(next.broker));
    router.replace(`${pathname}${s.size ? `?${s}` : ''}`, { scroll: false });
  };
  const { data, error, isPending, isFetching, refetch } = useReplicas(cluster, params);
  const c = data?.counts;
  const filtered = params.q !== '' || params.broker !== undefined;
  return (
    <>
      <PageHeader
        title="Replica sync"
        subtitle="Every partition that is offline, below min ISR or under-replicated, and how leadership is spread"
        actions={<UpdatedAgo updatedAt={data?.fetchedAt} failed={!data && Boolean(error)} refreshing={isFetching} onRefresh={() => refreshNow(replicaKeys.list(cluster, params), refetch)} />}
      />
      {error && data && <StaleBanner error={error} fetchedAt={data.fetchedAt} />}
      {isPending && <TableSkeleton rows={6} />}
      {!data && error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && c && (
        <div className="space-y-4">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <StatTile label="Offline" value={formatCount(c.offline)} tone={c.offline ? 'danger' : 'ok'} hint="no leader" testId="replicas-offline" />
            <StatTile label="Under min ISR" value={formatCount(c.underMinIsr)} tone={c.underMinIsr ? 'danger' : 'ok'} hint="acks=all refused" testId="replicas-under-min-isr" />
            <StatTile label="Under-replicated" value={formatCount(c.underReplicated)} tone={c.underReplicated ? 'warn' : 'ok'} hint="ISR smaller than replicas" testId="replicas-under-replicated" />
            <StatTile label="Partitions" value={formatCount(c.partitions)} hint="in the cluster" testId="replicas-partitions" />
          </div>
          <Card title="Preferred leaders">
            <LeaderElectionPanel cluster={cluster} offPreferred={c.offPreferred} />
          </Card>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card title="Leaders and replicas per broker">
              <BrokerBalanceChart brokers={data.brokers} />
            </Card>
            <Card title="Broker balance">
              <BrokerLoadTable brokers={data.brokers} />
            </Card>
          </div>
          {data.byTopic.length > 1 && (
            <Card title={`Affected topics (${data.byTopic.length.toLocaleString('en-US')})`}>
              <div className="max-h-[24rem] overflow-y-auto">
                <TopicProblemsTable cluster={cluster} topics={data.byTopic} onPick={(topic) => setParams({ ...params, q: topic })} />
              </div>
            </Card>
          )}
          <Card
            title={`Problem partitions${data.matching ? ` (${data.matching.toLocaleString('en-US')})` : ''}`}
            actions={
              <div className="flex items-center gap-3">
                <TopicSearch value={params.q} onChange={(q) => setParams({ ...params, q })} placeholder="Filter by topic…" testId="replicas-search" />
                <select
                  value={params.broker ?? ''}
                  onChange={(e) => setParams({ ...params, broker: e.target.value === '' ? undefined : Number(e.target.value) })}
                  data-testid="replicas-broker-filter"
                  className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                >
                  <option value="">All brokers</option>
                  {data.brokers.map((b) => <option key={b.id} value={b.id}>Broker {b.id}{b.online ? '' : ' (offline)'}</option>)}
                </select>
              </div>
            }
          >
            {data.matching === 0 && !filtered ? (
              <p className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800" data-testid="replicas-all-in-sync">
                ✓ All {c.partitions.toLocaleString('en-US')} partitions are in sync: every partition has a leader and a full ISR.
              </p>
            ) : (
              <div className="max-h-[36rem] overflow-y-auto">
                <ProblemTable cluster={cluster} problems={data.problems} emptyText="No problem partition matches the filter." />
              </div>
            )}
            {data.matching > data.problems.length && (
              <p className="mt-2 text-xs text-slate-500">
                Showing the worst {data.problems.length.toLocaleString('en-US')} of {data.matching.toLocaleString('en-US')}; filter by topic or broker to narrow down.
              </p>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
