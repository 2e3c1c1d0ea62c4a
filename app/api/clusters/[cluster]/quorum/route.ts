import { describeQuorum } from '@/lib/kafka/cluster/quorum';
import { getCluster } from '@/lib/kafka/clusters';
import { z } from 'zod';
import { refreshParam } from '@/lib/api/common';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const quorumQuery = z.object({ refresh: refreshParam });

export const GET = route<{ cluster: string }>('view', async ({ params, request }) => {
  const { refresh } = parseQuery(request, quorumQuery);
  await getCluster(params.cluster);
  return describeQuorum(params.cluster, refresh);
});
