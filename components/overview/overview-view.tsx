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
import { GroupStates } from './group-states';
import { HealthStrip } from './health-strip';
import { StatTile } from './stat-tile';

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
      <HealthStrip cluster={cluster} checks={data.health} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="overview-problems">
        <StatTile
          label="Brokers online"
          value={`${b.online} / ${b.total}`}
          tone={b.offlineIds.length ? 'danger' : 'ok'}
          hint={b.offlineIds.length ? `offline: broker ${b.offlineIds.join(', ')}` : `controller: broker ${data.controllerId ?? '—'}`}
          href={b.offlineIds.length === 1 ? `${base}/brokers/${b.offlineIds[0]}` : `${base}/brokers`}
          testId="overview-brokers"
        />
        <StatTile
          label="Offline partitions"
          value={formatCount(p.offline)}
          tone={p.offline ? 'danger' : 'ok'}
          hint="partitions without a leader"
          href={`${base}/replicas`}
          testId="overview-offline"
          title={formatExact(p.offline)}
        />
        <StatTile
          label="Under min ISR"
          value={formatCount(p.underMinIsr)}
          tone={p.underMinIsr ? 'danger' : 'ok'}
          hint="acks=all writes refused"
          href={`${base}/replicas`}
          testId="overview-under-min-isr"
          title={formatExact(p.underMinIsr)}
        />
        <StatTile
          label="Under-replicated"
          value={formatCount(p.underReplicated)}
          tone={p.underReplicated ? 'warn' : 'ok'}
          hint={`of ${formatCount(p.total)} partitions`}
          href={`${base}/replicas`}
          testId="overview-under-replicated"
          title={formatExact(p.underReplicated)}
        />
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="overview-inventory">
        <StatTile
          label="Topics"
          value={formatCount(data.topics.total)}
          hint={`${data.topics.internal} internal`}
          href={`${base}/topics`}
          testId="overview-topics"
          title={formatExact(data.topics.total)}
        />
        <StatTile label="Partitions" value={formatCount(p.total)} hint={`${formatCount(p.replicas)} replicas`} testId="overview-partitions" title={formatExact(p.total)} />
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
          hint={data.groups.byState.slice(0, 2).map((s) => `${s.count} ${s.state.toLowerCase()}`).join(' · ') || undefined}
          href={`${base}/groups`}
          testId="overview-groups-total"
        />
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
