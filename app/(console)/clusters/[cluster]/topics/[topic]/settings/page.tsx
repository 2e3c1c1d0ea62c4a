import { TopicSettingsView } from '@/components/topic-forms/topic-settings-view';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function TopicSettingsPage({ params }: { params: Promise<{ cluster: string; topic: string }> }) {
  const { cluster, topic } = await params;
  return <TopicSettingsView cluster={routeParam(cluster)} topic={routeParam(topic)} />;
}
