import { Suspense } from 'react';
import { AuditView } from '@/components/audit/audit-view';
import { TableSkeleton } from '@/components/ui/skeleton';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function AuditPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  return (
    <Suspense fallback={<TableSkeleton rows={10} />}>
      <AuditView cluster={routeParam(cluster)} />
    </Suspense>
  );
}
