import { searchQuerySchema, type SearchEvent } from '@/lib/api/messages';
import { getCluster } from '@/lib/kafka/clusters';
import { ndjsonResponse } from '@/lib/server/http-stream';
import { prepareSearch } from '@/lib/kafka/messages/scan';
import { maskerFor } from '@/lib/server/masking';
import { acquireSlot } from '@/lib/server/concurrency';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Streams a search as NDJSON: a start line, each match, progress lines, and a done line saying
 * why it stopped. Bad input is refused with 400/404 before the stream starts, and 429 when the
 * caller or the cluster already runs as many message reads as allowed. A slow reader pauses the
 * scan rather than losing matches. The caller's masking applies before any term is tested.
 */
export const GET = route<{ cluster: string; topic: string }>('messages:read', async ({ params, request, principal }) => {
  const query = parseQuery(request, searchQuerySchema);
  await getCluster(params.cluster);
  const slot = await acquireSlot('read', params.cluster, principal.name);
  try {
    const search = await prepareSearch(params.cluster, params.topic, query, await maskerFor(principal, params.cluster, params.topic));
    return ndjsonResponse<SearchEvent>(request, (send, signal, room) => search.run(send, signal, room).finally(() => slot.release()));
  } catch (error) {
    slot.release();
    throw error;
  }
});
