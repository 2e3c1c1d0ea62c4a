import { browseQuerySchema } from '@/lib/messages/api';
import { getCluster } from '@/lib/kafka/clusters';
import { browseMessages } from '@/lib/kafka/messages/browse';
import { maskerFor } from '@/lib/server/masking';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** A page of messages: partitions, start point, order, limit, or a cursor from the last page. */
export const GET = route<{ cluster: string; topic: string }>('messages:read', async ({ params, request, principal }) => {
  const query = parseQuery(request, browseQuerySchema);
  await getCluster(params.cluster);
  return browseMessages(params.cluster, params.topic, query, request.signal, await maskerFor(principal, params.cluster, params.topic));
});
