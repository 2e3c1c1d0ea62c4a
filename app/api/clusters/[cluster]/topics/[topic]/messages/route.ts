import { browseQuerySchema } from '@/lib/api/messages';
import { getCluster } from '@/lib/kafka/clusters';
import { browseMessages } from '@/lib/kafka/messages/browse';
import { maskerFor } from '@/lib/server/masking';
import { withSlot } from '@/lib/server/concurrency';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * A page of messages: partitions, start point, order, limit, or a cursor from the last page.
 * The page stops early at the byte budget (`truncated`, with a cursor to go on); 429 when the
 * caller or the cluster already runs as many message reads as allowed.
 */
export const GET = route<{ cluster: string; topic: string }>('messages:read', async ({ params, request, principal }) => {
  const query = parseQuery(request, browseQuerySchema);
  await getCluster(params.cluster);
  const masker = await maskerFor(principal, params.cluster, params.topic);
  return withSlot('read', params.cluster, principal.name, () => browseMessages(params.cluster, params.topic, query, request.signal, masker));
});
