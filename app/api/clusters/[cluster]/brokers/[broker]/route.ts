import { z } from 'zod';
import { brokerParam } from '@/lib/api/brokers';
import { refreshParam } from '@/lib/api/common';
import { getCluster } from '@/lib/kafka/clusters';
import { getBrokerDetail } from '@/lib/kafka/cluster/brokers';
import { parseQuery, parseWith, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

const query = z.object({ refresh: refreshParam });
const path = z.object({ broker: brokerParam });

export const GET = route<{ cluster: string; broker: string }>('view', async ({ params, request, principal }) => {
  const { broker } = parseWith(path, { broker: params.broker.trim() === '' ? 'x' : params.broker });
  const { refresh } = parseQuery(request, query);
  await getCluster(params.cluster);
  return getBrokerDetail(params.cluster, broker, refresh, visibilityFor(principal.access, params.cluster)?.topic);
});
