import { searchQuerySchema, type SearchEvent } from '@/lib/messages/api';
import { getCluster } from '@/lib/kafka/clusters';
import { ndjsonResponse } from '@/lib/kafka/messages/http-stream';
import { prepareSearch } from '@/lib/kafka/messages/scan';
import { maskerFor } from '@/lib/server/masking';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Streams a search as NDJSON: a start line, each match, progress lines, and a done line saying
 * why it stopped. Bad input is refused with 400/404 before the stream starts. The caller's masking
 * applies before any term is tested.
 */
export const GET = route<{ cluster: string; topic: string }>('messages:read', async ({ params, request, principal }) => {
  const query = parseQuery(request, searchQuerySchema);
  await getCluster(params.cluster);
  const search = await prepareSearch(params.cluster, params.topic, query, await maskerFor(principal, params.cluster, params.topic));
  return ndjsonResponse<SearchEvent>(request, (send, signal) => search.run(send, signal));
});
