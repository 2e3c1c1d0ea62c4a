import { groupsQuery } from '@/lib/api/groups';
import { groupsPage } from '@/lib/kafka/groups/service';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string }>(async ({ params, request }) => {
  const { refresh, ...options } = parseQuery(request, groupsQuery);
  return groupsPage(params.cluster, { ...options, refresh: refresh === '1' || refresh === 'true' });
});
