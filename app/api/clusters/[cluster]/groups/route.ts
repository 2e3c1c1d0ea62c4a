import { groupsQuery } from '@/lib/api/groups';
import { groupsPage } from '@/lib/kafka/groups/service';
import { parseQuery, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string }>('view', async ({ params, request, principal }) =>
  groupsPage(params.cluster, parseQuery(request, groupsQuery), visibilityFor(principal.access, params.cluster)),
);
