import { topicListQuery } from '@/lib/api/topics';
import { getCluster } from '@/lib/kafka/clusters';
import { listTopics } from '@/lib/kafka/topics';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string }>('view', async ({ params, request }) => {
  const query = parseQuery(request, topicListQuery);
  await getCluster(params.cluster);
  return listTopics(params.cluster, query);
});
export { POST } from '@/lib/server/handlers/topics-create';
