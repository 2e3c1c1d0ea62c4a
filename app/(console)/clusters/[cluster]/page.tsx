import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { OverviewView } from '@/components/overview/overview-view';
import { withDeadline } from '@/lib/kafka/deadline';
import { getOverview } from '@/lib/kafka/overview';
import { overviewKeys } from '@/lib/queries/overview';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

// The overview is read on the server when the cluster answers quickly, so the landing page shows
// the cluster's state in its first paint; otherwise the browser reads it (skeleton, then data or
// a clear error).
const SSR_WAIT_MS = 1_000;

export default async function OverviewPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: overviewKeys.detail(cluster),
    retry: false,
    queryFn: async () => {
      const overview = await withDeadline(getOverview(cluster), SSR_WAIT_MS);
      if (!overview) throw new Error('not read in time for the server render');
      return overview;
    },
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView cluster={cluster} />
    </HydrationBoundary>
  );
}
