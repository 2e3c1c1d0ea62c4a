import { listClusters } from '@/lib/kafka/clusters';
import { summarizeCluster } from '@/lib/server/clusters';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** The clusters the caller may view. */
export const GET = route('signed-in', async ({ principal }) =>
  Promise.all((await listClusters()).filter((c) => principal.access.canViewCluster(c.id)).map(summarizeCluster)),
);
