import { groupLagHistory } from '@/lib/kafka/groups/service';
import { route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string; group: string }>('view', async ({ params, principal }) =>
  groupLagHistory(params.cluster, params.group, visibilityFor(principal.access, params.cluster)),
);
