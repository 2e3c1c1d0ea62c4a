import { electionScope } from '@/lib/api/leader-election';
import { previewElection } from '@/lib/kafka/cluster/leader-election';
import { getCluster } from '@/lib/kafka/clusters';
import { parseBody, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

// POST { scope: "off-preferred" } | { scope: "topic", topic } | { scope: "partition", topic, partition }
// A preview changes nothing, so it is allowed on read-only clusters too.
export const POST = route<{ cluster: string }>('cluster:edit', async ({ params, request, principal }) => {
  const scope = await parseBody(request, electionScope);
  await getCluster(params.cluster);
  return previewElection(params.cluster, scope, visibilityFor(principal.access, params.cluster)?.topic);
});
