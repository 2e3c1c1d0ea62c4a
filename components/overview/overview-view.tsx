'use client';

import { BrokerTable } from '@/components/brokers/broker-table';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { formatBytes, formatBytesExact, formatCount, formatExact } from '@/lib/format/number';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';
import { StaleBanner } from '@/components/ui/stale-banner';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { useBrokers } from '@/lib/queries/brokers';
import { overviewKeys, useOverview } from '@/lib/queries/overview';
import { refreshNow } from '@/lib/queries/refresh';
import { ClusterHistory } from './cluster-history';
import { GroupStates } from './group-states';
import { HealthSummary } from './health-summary';
import { StatTile } from './stat-tile';
import { Traffic } from './traffic';

export function OverviewView({ cluster }: { cluster: string }) {
  const { data, error, isPending, isFetching, refetch } = useOverview(cluster);
  const brokers = useBrokers(cluster);
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  const header = (
    <PageHeader
      title="Overview"
      subtitle={data ? `Kafka cluster ${data.kafkaClusterId ?? '(id unknown)'} · controller ${data.controllerId ?? 'unknown'}` : 'Cluster health at a glance'}
      actions={<UpdatedAgo updatedAt={data?.fetchedAt} failed={!data && Boolean(error)} refreshing={isFetching} onRefresh={() => refreshNow(overviewKeys.detail(cluster), refetch)} />}
    />
  );
  if (isPending) {
    return (
      <>
        {header}
        <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
          {Array.from({ length: 10 }, (_, i) => <Skeleton key={i} className="h-20" />)}
        </div>
      </>
    );
  }
  if (!data) return <>{header}<ErrorState error={error} onRetry={() => void refetch()} /></>;

  const { partitions: p, brokers: b } = data;
  return (
    <div className="space-y-4" data-testid="overview">
      {header}
      {error ? <StaleBanner error={error} fetchedAt={data.fetchedAt} /> : null}
      <HealthSummary cluster={cluster} checks={data.health} groups={data.groups} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="overview-inventory">
        <StatTile
          label="Topics"
          value={formatCount(data.topics.total)}
          hint={`${data.topics.internal} internal`}
          href={`${base}/topics`}
          testId="overview-topics"
          title={formatExact(data.topics.total)}
        />
        <StatTile
          label="Partitions"
          value={formatCount(p.total)}
          hint={`${formatCount(p.replicas)} ${p.replicas === 1 ? 'replica' : 'replicas'} on ${b.online} / ${b.total} brokers online`}
          href={`${base}/replicas`}
          testId="overview-partitions"
          title={formatExact(p.total)}
        />
        <StatTile
          label="Data on disk"
          value={formatBytes(data.sizeBytes)}
          hint={data.sizeBrokersReporting < b.total ? `only ${data.sizeBrokersReporting} of ${b.total} brokers reporting` : 'all replicas, all brokers'}
          tone={data.sizeBrokersReporting < b.total ? 'warn' : 'neutral'}
          testId="overview-size"
          title={formatBytesExact(data.sizeBytes)}
        />
        <StatTile label="Messages" value={formatCount(data.messages)} hint="latest − earliest offsets" testId="overview-messages" title={formatExact(data.messages)} />
        <StatTile
          label="Consumer groups"
          value={data.groups.error ? '—' : formatCount(data.groups.total)}
          hint={data.groups.problemCount ? `${data.groups.problemCount} need attention` : data.groups.byState.slice(0, 2).map((s) => `${s.count} ${s.state.toLowerCase()}`).join(' · ') || undefined}
          tone={data.groups.problemCount ? 'warn' : 'neutral'}
          href={`${base}/groups`}
          testId="overview-groups-total"
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Traffic and health over time" className="lg:col-span-2">
          <ClusterHistory cluster={cluster} />
        </Card>
        <Card title="Traffic now">
          <Traffic cluster={cluster} traffic={data.traffic} />
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Brokers" className="lg:col-span-2">
          {brokers.data ? <BrokerTable cluster={cluster} brokers={brokers.data.brokers} compact /> : brokers.error ? <ErrorState error={brokers.error} /> : <TableSkeleton rows={3} />}
        </Card>
        <Card title="Consumer groups by state">
          <GroupStates cluster={cluster} groups={data.groups} />
        </Card>
      </div>
    </div>
  );
}
