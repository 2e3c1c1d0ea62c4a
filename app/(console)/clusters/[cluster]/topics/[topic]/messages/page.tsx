import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { MessagesView } from '@/components/messages/messages-view';
import { TableSkeleton } from '@/components/ui/skeleton';
import { ApiError } from '@/lib/api/errors';
import { withDeadline } from '@/lib/kafka/deadline';
import { getTopicDetail } from '@/lib/kafka/topics/read';
import { topicKeys } from '@/lib/queries/topics';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

// The topic (its partitions) is read on the server so the partition picker is final in the
// first paint. A slow or failed read is left to the browser.
const SSR_WAIT_MS = 1_000;

export default async function TopicMessagesPage({ params }: { params: Promise<{ cluster: string; topic: string }> }) {
  const { cluster: rawCluster, topic: rawTopic } = await params;
  const [cluster, topic] = [routeParam(rawCluster), routeParam(rawTopic)];
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: topicKeys.detail(cluster, topic),
    retry: false,
    queryFn: async () => {
      // A topic made moments ago by another client is not in the cached metadata yet: read it afresh once.
      const read = getTopicDetail(cluster, topic, false).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return getTopicDetail(cluster, topic, true);
        throw e;
      });
      const detail = await withDeadline(read, SSR_WAIT_MS);
      if (!detail) throw new Error('not read in time for the server render');
      return detail;
    },
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<TableSkeleton rows={10} />}>
        <MessagesView cluster={cluster} topic={topic} />
      </Suspense>
    </HydrationBoundary>
  );
}
