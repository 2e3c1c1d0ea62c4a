import { Suspense } from 'react';
import { TopicsView } from '@/components/topics/topics-view';
import { TableSkeleton } from '@/components/ui/skeleton';

export const dynamic = 'force-dynamic';

export default async function TopicsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  return (
    <Suspense fallback={<TableSkeleton rows={10} />}>
      <TopicsView cluster={decodeURIComponent(cluster)} />
    </Suspense>
  );
}
