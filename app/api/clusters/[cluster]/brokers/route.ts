import { z } from 'zod';
import { refreshParam } from '@/lib/api/common';
import { listBrokers } from '@/lib/kafka/cluster/brokers';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const query = z.object({ refresh: refreshParam });

export const GET = route<{ cluster: string }>('view', async ({ params, request }) =>
  listBrokers(params.cluster, parseQuery(request, query).refresh),
);
