import { groupsQuery } from '@/lib/api/groups';
import { groupsPage } from '@/lib/kafka/groups/service';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string }>('view', async ({ params, request }) => {
  return groupsPage(params.cluster, parseQuery(request, groupsQuery));
});
