import { Suspense } from 'react';
import { MessagesView } from '@/components/messages/messages-view';
import { TableSkeleton } from '@/components/ui/skeleton';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function TopicMessagesPage({ params }: { params: Promise<{ cluster: string; topic: string }> }) {
  const { cluster, topic } = await params;
  return (
    <Suspense fallback={<TableSkeleton rows={10} />}>
      <MessagesView cluster={routeParam(cluster)} topic={routeParam(topic)} />
    </Suspense>
  );
}
