import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { TopicsView } from '@/components/topics/topics-view';
import { TableSkeleton } from '@/components/ui/skeleton';
import { TOPIC_PAGE_SIZE } from '@/lib/api/topics';
import { withDeadline } from '@/lib/kafka/deadline';
import { listTopics } from '@/lib/kafka/topics/read';
import { parseTopicListParams, topicKeys } from '@/lib/queries/topics';
import { pagePrincipal } from '@/lib/server/page-principal';
import { visibilityFor } from '@/lib/server/visibility';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

// The first page of topics is read on the server and sent with the HTML, so the list is on screen
// without waiting for the browser to hydrate and ask again. A failure, or a cluster slower than
// SSR_WAIT_MS, is left to the browser, which shows a skeleton and then the data or a clear error.
// Only a caller who may view the cluster gets the page, and only the topics they may see.
const SSR_LAG_WAIT_MS = 250;
const SSR_WAIT_MS = 1_000;

export default async function TopicsPage({ params, searchParams }: {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const cluster = routeParam((await params).cluster);
  const search = await searchParams;
  const list = parseTopicListParams((name) => {
    const v = search[name];
    return Array.isArray(v) ? v[0] : v;
  });
  const queryClient = new QueryClient();
  const principal = await pagePrincipal();
  if (principal?.access.canViewCluster(cluster)) {
    const visibility = visibilityFor(principal.access, cluster);
    await queryClient.prefetchQuery({
      queryKey: topicKeys.list(cluster, list),
      retry: false,
      queryFn: async () => {
        const query = { ...list, pageSize: TOPIC_PAGE_SIZE, refresh: false };
        const page = await withDeadline(listTopics(cluster, query, SSR_LAG_WAIT_MS, visibility), SSR_WAIT_MS);
        if (!page) throw new Error('not read in time for the server render');
        return page;
      },
    });
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<TableSkeleton rows={10} />}>
        <TopicsView cluster={cluster} />
      </Suspense>
    </HydrationBoundary>
  );
}
