import { historyRoute } from '@/lib/server/history-route';

export const dynamic = 'force-dynamic';

// GET /api/clusters/:cluster/history?metrics=cluster.produce-rate,cluster.under-replicated&range=1h
export const GET = historyRoute<{ cluster: string }>({
  kind: 'cluster',
  resolve: async () => ({ kind: 'cluster' }),
});
