import { Suspense } from 'react';
import { MessagesView } from '@/components/messages/messages-view';
import { TableSkeleton } from '@/components/ui/skeleton';

export const dynamic = 'force-dynamic';

export default async function TopicMessagesPage({ params }: { params: Promise<{ cluster: string; topic: string }> }) {
  const { cluster, topic } = await params;
  return (
    <Suspense fallback={<TableSkeleton rows={10} />}>
      <MessagesView cluster={decodeURIComponent(cluster)} topic={decodeURIComponent(topic)} />
    </Suspense>
  );
}
