import { GroupDetailView } from '@/components/groups/group-detail-view';
import { routeParam } from '@/lib/url-params';

export default async function GroupPage({ params }: { params: Promise<{ cluster: string; group: string }> }) {
  const { cluster, group } = await params;
  return <GroupDetailView cluster={routeParam(cluster)} group={routeParam(group)} />;
}
