import { Suspense } from 'react';
import { GroupsView } from '@/components/groups/groups-view';
import { routeParam } from '@/lib/url-params';
import { TableSkeleton } from '@/components/ui/skeleton';

export default async function GroupsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  return (
    <Suspense fallback={<TableSkeleton rows={10} />}>
      <GroupsView cluster={routeParam(cluster)} />
    </Suspense>
  );
}
