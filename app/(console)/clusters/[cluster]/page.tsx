import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { OverviewView } from '@/components/overview/overview-view';
import { withDeadline } from '@/lib/kafka/deadline';
import { getOverview } from '@/lib/kafka/cluster/overview';
import { overviewKeys } from '@/lib/queries/overview';
import { pagePrincipal } from '@/lib/server/page-principal';
import { visibilityFor } from '@/lib/server/visibility';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

// The overview is read on the server when the cluster answers quickly, so the landing page shows
// the cluster's state in its first paint; otherwise the browser reads it (skeleton, then data or
// a clear error). Only a caller who may view the cluster gets it, filtered to what they may see.
const SSR_WAIT_MS = 1_000;

export default async function OverviewPage({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = routeParam((await params).cluster);
  const queryClient = new QueryClient();
  const principal = await pagePrincipal();
  if (principal?.access.canViewCluster(cluster)) {
    const visibility = visibilityFor(principal.access, cluster);
    await queryClient.prefetchQuery({
      queryKey: overviewKeys.detail(cluster),
      retry: false,
      queryFn: async () => {
        const overview = await withDeadline(getOverview(cluster, false, visibility), SSR_WAIT_MS);
        if (!overview) throw new Error('not read in time for the server render');
        return overview;
      },
    });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView cluster={cluster} />
    </HydrationBoundary>
  );
}
