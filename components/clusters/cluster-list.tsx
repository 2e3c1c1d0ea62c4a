'use client';

import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useClusters } from '@/lib/queries/clusters';
import { ClusterRow } from './cluster-row';

/** Every configured cluster with its health, so the one with a problem stands out. */
export function ClusterList() {
  const { data, error, isPending, refetch } = useClusters();
  return (
    <>
      <PageHeader title="Clusters" subtitle="The Kafka clusters this console is configured for." />
      <Card>
        {isPending && <TableSkeleton rows={3} />}
        {error && <ErrorState error={error} onRetry={() => refetch()} />}
        {data && (
          <table className="w-full text-sm" data-testid="cluster-list">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 font-medium">Cluster</th>
                <th className="py-2 font-medium">Health</th>
                <th className="py-2 text-right font-medium">Brokers</th>
                <th className="py-2 text-right font-medium">Topics</th>
                <th className="py-2 text-right font-medium">Partitions</th>
                <th className="py-2 text-right font-medium">Groups</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.map((c) => (
                <ClusterRow key={c.id} cluster={c} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
