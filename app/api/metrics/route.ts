import { metricsText } from '@/lib/kafka/groups/metrics';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route({ permission: 'signed-in', metricsToken: true }, async ({ principal }) =>
  new Response(await metricsText((cluster) => principal.access.canViewCluster(cluster)), {
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
  }),
);
