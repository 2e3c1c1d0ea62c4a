import { metricsText } from '@/lib/kafka/groups/metrics';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route(async () =>
  new Response(await metricsText(), {
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
  }),
);
