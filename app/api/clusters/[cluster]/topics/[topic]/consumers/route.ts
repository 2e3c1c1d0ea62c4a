import { z } from 'zod';
import { refreshParam } from '@/lib/api/common';
import { topicConsumers } from '@/lib/kafka/groups/service';
import { parseQuery, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

const query = z.object({ refresh: refreshParam });

export const GET = route<{ cluster: string; topic: string }>('view', async ({ params, request, principal }) => {
  const { refresh } = parseQuery(request, query);
  return topicConsumers(params.cluster, params.topic, refresh, visibilityFor(principal.access, params.cluster));
});
