import { getCluster } from '@/lib/kafka/clusters';
import { summarizeCluster } from '@/lib/server/clusters';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route<{ cluster: string }>('view', async ({ params }) => summarizeCluster(await getCluster(params.cluster)));
