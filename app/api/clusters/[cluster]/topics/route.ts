import { topicListQuery } from '@/lib/api/topics';
import { getCluster } from '@/lib/kafka/clusters';
import { listTopics } from '@/lib/kafka/topics';
import { parseQuery, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string }>('view', async ({ params, request, principal }) => {
  const query = parseQuery(request, topicListQuery);
  await getCluster(params.cluster);
  return listTopics(params.cluster, query, undefined, visibilityFor(principal.access, params.cluster));
});
export { POST } from '@/lib/server/handlers/topics-create';
