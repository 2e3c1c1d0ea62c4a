'use client';

import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { StaleBanner } from '@/components/ui/stale-banner';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { brokerKeys, useBrokers } from '@/lib/queries/brokers';
import { refreshNow } from '@/lib/queries/refresh';
import { BrokerTable } from './broker-table';

export function BrokersView({ cluster }: { cluster: string }) {
  const { data, error, isPending, isFetching, refetch } = useBrokers(cluster);
  const offline = data?.brokers.filter((b) => !b.online).length ?? 0;
  return (
    <>
      <PageHeader
        title="Brokers"
        subtitle={
          data
            ? `${data.brokers.length - offline} of ${data.brokers.length} online · controller ${data.controllerId ?? 'unknown'}`
            : 'Every broker, its load and its disks'
        }
        actions={<UpdatedAgo updatedAt={data?.fetchedAt} failed={!data && Boolean(error)} refreshing={isFetching} onRefresh={() => refreshNow(brokerKeys.list(cluster), refetch)} />}
      />
      {error && data && <StaleBanner error={error} fetchedAt={data.fetchedAt} />}
      <Card>
        {isPending ? (
          <TableSkeleton rows={4} />
        ) : data ? (
          <BrokerTable cluster={cluster} brokers={data.brokers} />
        ) : (
          <ErrorState error={error} onRetry={() => void refetch()} />
        )}
      </Card>
    </>
  );
}
