import { z } from 'zod';
import { refreshParam } from '@/lib/api/common';
import { getOverview } from '@/lib/kafka/cluster/overview';
import { parseQuery, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

const query = z.object({ refresh: refreshParam });

export const GET = route<{ cluster: string }>('view', async ({ params, request, principal }) =>
  getOverview(params.cluster, parseQuery(request, query).refresh, visibilityFor(principal.access, params.cluster)),
);
