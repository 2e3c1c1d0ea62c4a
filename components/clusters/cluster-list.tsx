'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useClusters } from '@/lib/queries/clusters';

export function ClusterList() {
  const { data, error, isPending, refetch } = useClusters();
  return (
    <>
      <PageHeader title="Clusters" subtitle="The Kafka clusters this console is configured for." />
      <Card>
        {isPending && <TableSkeleton rows={3} />}
        {error && <ErrorState error={error} onRetry={() => refetch()} />}
        <ul className="divide-y divide-slate-100">
          {data?.map((c) => (
            <li key={c.id} className="flex items-center justify-between py-3">
              <div>
                <Link href={`/clusters/${encodeURIComponent(c.id)}`} className="font-medium text-sky-700 hover:underline" data-testid={`cluster-link-${c.id}`}>
                  {c.name}
                </Link>
                <p className="font-mono text-xs text-slate-500">{c.bootstrapServers.join(', ')}</p>
              </div>
              <div className="flex gap-1">
                {c.embedded && <Badge tone="info">embedded demo</Badge>}
                {c.readOnly && <Badge tone="warn">read-only</Badge>}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
