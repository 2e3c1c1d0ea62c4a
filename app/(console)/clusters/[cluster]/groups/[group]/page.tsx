import { GroupDetailView } from '@/components/groups/group-detail-view';

export default async function GroupPage({ params }: { params: Promise<{ cluster: string; group: string }> }) {
  const { cluster, group } = await params;
  return <GroupDetailView cluster={decodeURIComponent(cluster)} group={decodeURIComponent(group)} />;
}
