import { replicasQuery } from '@/lib/api/replicas';
import { getCluster } from '@/lib/kafka/clusters';
import { replicaSync } from '@/lib/kafka/topics/replicas';
import { parseQuery, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string }>('view', async ({ params, request, principal }) => {
  const query = parseQuery(request, replicasQuery);
  await getCluster(params.cluster);
  return replicaSync(params.cluster, query, visibilityFor(principal.access, params.cluster)?.topic);
});
