import { GroupDetailView } from '@/components/groups/group-detail-view';
import { requireGroup } from '@/lib/server/page-exists';
import { routeParam } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

export default async function GroupPage({ params }: { params: Promise<{ cluster: string; group: string }> }) {
  const { cluster, group } = await params;
  await requireGroup(routeParam(cluster), routeParam(group));
  return <GroupDetailView cluster={routeParam(cluster)} group={routeParam(group)} />;
}
