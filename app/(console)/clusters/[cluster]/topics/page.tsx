import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { TopicsView } from '@/components/topics/topics-view';
import { TableSkeleton } from '@/components/ui/skeleton';
import { TOPIC_PAGE_SIZE } from '@/lib/api/topics';
import { listTopics } from '@/lib/kafka/topics';
import { parseTopicListParams, topicKeys } from '@/lib/queries/topics';

export const dynamic = 'force-dynamic';

// The first page of topics is read on the server and sent with the HTML, so the list is on screen
// without waiting for the browser to hydrate and ask again. A failure here is left to the browser,
// which shows it as a clear error state.
const SSR_LAG_WAIT_MS = 250;

export default async function TopicsPage({ params, searchParams }: {
  params: Promise<{ cluster: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const cluster = decodeURIComponent((await params).cluster);
  const search = await searchParams;
  const list = parseTopicListParams((name) => {
    const v = search[name];
    return Array.isArray(v) ? v[0] : v;
  });
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: topicKeys.list(cluster, list),
    queryFn: () => listTopics(cluster, { ...list, pageSize: TOPIC_PAGE_SIZE, refresh: false }, SSR_LAG_WAIT_MS),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<TableSkeleton rows={10} />}>
        <TopicsView cluster={cluster} />
      </Suspense>
    </HydrationBoundary>
  );
}
