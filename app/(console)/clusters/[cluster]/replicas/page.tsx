import { Suspense } from 'react';
import { ReplicasView } from '@/components/replicas/replicas-view';
import { TableSkeleton } from '@/components/ui/skeleton';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function ReplicasPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  return (
    <Suspense fallback={<TableSkeleton rows={6} />}>
      <ReplicasView cluster={routeParam(cluster)} />
    </Suspense>
  );
}
