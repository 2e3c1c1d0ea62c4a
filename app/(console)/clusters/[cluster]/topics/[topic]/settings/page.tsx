import { TopicSettingsView } from '@/components/topic-forms/topic-settings-view';

export const dynamic = 'force-dynamic';

export default async function TopicSettingsPage({ params }: { params: Promise<{ cluster: string; topic: string }> }) {
  const { cluster, topic } = await params;
  return <TopicSettingsView cluster={decodeURIComponent(cluster)} topic={decodeURIComponent(topic)} />;
}
