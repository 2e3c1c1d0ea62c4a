import { z } from 'zod';
import { refreshParam, topicNameParam } from '@/lib/api/common';
import { getCluster } from '@/lib/kafka/clusters';
import { getTopicDetail } from '@/lib/kafka/topics';
import { parseQuery, parseWith, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const query = z.object({ refresh: refreshParam });

export const GET = route<{ cluster: string; topic: string }>(async ({ params, request }) => {
  const topic = parseWith(topicNameParam, params.topic);
  const { refresh } = parseQuery(request, query);
  await getCluster(params.cluster);
  return getTopicDetail(params.cluster, topic, refresh);
});
export { DELETE } from '@/lib/server/handlers/topic-delete';
