import { listClusters } from '@/lib/kafka/clusters';
import { summarizeCluster } from '@/lib/server/clusters';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route(async () => Promise.all((await listClusters()).map(summarizeCluster)));
