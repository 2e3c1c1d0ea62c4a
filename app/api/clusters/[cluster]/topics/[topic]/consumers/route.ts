import { z } from 'zod';
import { topicConsumers } from '@/lib/kafka/groups/service';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const query = z.object({ refresh: z.enum(['0', '1', 'true', 'false']).optional() });

export const GET = route<{ cluster: string; topic: string }>(async ({ params, request }) => {
  const { refresh } = parseQuery(request, query);
  return topicConsumers(params.cluster, params.topic, refresh === '1' || refresh === 'true');
});
