import { TopicDetailView } from '@/components/topics/topic-detail-view';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function TopicPage({ params }: { params: Promise<{ cluster: string; topic: string }> }) {
  const { cluster, topic } = await params;
  return <TopicDetailView cluster={routeParam(cluster)} topic={routeParam(topic)} />;
}
