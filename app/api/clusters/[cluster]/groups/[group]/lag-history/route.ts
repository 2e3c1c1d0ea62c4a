import { groupLagHistory } from '@/lib/kafka/groups/service';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string; group: string }>('view', async ({ params }) => groupLagHistory(params.cluster, params.group));
