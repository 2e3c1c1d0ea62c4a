'use client';

import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ConfigTable } from '@/components/ui/config-table';
import { ErrorState } from '@/components/ui/error-state';
import { Bytes, Count } from '@/components/ui/num';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { StaleBanner } from '@/components/ui/stale-banner';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { brokerKeys, useBrokerDetail } from '@/lib/queries/brokers';
import { refreshNow } from '@/lib/queries/refresh';
import { BrokerConfigEditor } from './broker-config-editor';
import { BrokerHistory } from './broker-history';
import { LogDirs } from './log-dirs';

export function BrokerDetailView({ cluster, broker }: { cluster: string; broker: number }) {
  const { data, error, isPending, isFetching, refetch } = useBrokerDetail(cluster, broker);
  const b = data?.broker;
  return (
    <>
      <p className="mb-1 text-sm">
        <BackLink href={`/clusters/${encodeURIComponent(cluster)}/brokers`}>Brokers</BackLink>
      </p>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            Broker {broker}
            {b && (b.online ? <Badge tone="ok" testId="broker-detail-status">online</Badge> : <Badge tone="danger" testId="broker-detail-status">offline</Badge>)}
            {b?.controller && <Badge tone="info">controller</Badge>}
          </span>
        }
        subtitle={b ? `${b.host ? `${b.host}:${b.port}` : 'address unknown'}${b.rack ? ` · rack ${b.rack}` : ''}` : undefined}
        actions={<UpdatedAgo updatedAt={data?.fetchedAt} failed={!data && Boolean(error)} refreshing={isFetching} onRefresh={() => refreshNow(brokerKeys.detail(cluster, broker), refetch)} />}
      />
      {error && data && <StaleBanner error={error} fetchedAt={data.fetchedAt} />}
      {isPending && <TableSkeleton rows={6} />}
      {!data && error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && b && (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="broker-stats">
            {[
              ['Leaders', <Count key="l" value={b.leaders} />],
              ['Replicas', <Count key="r" value={b.replicas} />],
              ['Out of sync', <Count key="o" value={b.outOfSync} className={b.outOfSync ? 'text-amber-800' : ''} />],
              ['Log dirs', <Bytes key="s" value={b.logDirSize} />],
            ].map(([label, value]) => (
              <div key={label as string} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                <dd className="mt-1 text-xl font-semibold">{value}</dd>
              </div>
            ))}
          </dl>
          <Card title="Load over time">
            <BrokerHistory cluster={cluster} broker={broker} />
          </Card>
          <Card title="Log directories">
            {data.logDirsError ? <p className="text-sm text-red-800" data-testid="log-dirs-error">{data.logDirsError}</p> : <LogDirs dirs={data.logDirs} />}
          </Card>
          {!data.configsError && (
            <Card title="Change a dynamic config">
              <BrokerConfigEditor cluster={cluster} broker={broker} configs={data.configs} />
            </Card>
          )}
          <Card title={`Configs (${data.configs.length})`}>
            {data.configsError ? <p className="text-sm text-red-800" data-testid="broker-configs-error">{data.configsError}</p> : <ConfigTable configs={data.configs} testId="broker-configs" />}
          </Card>
        </div>
      )}
    </>
  );
}
