import { z } from 'zod';
import { notFound } from '@/lib/api/errors';
import { brokerParam } from '@/lib/api/brokers';
import { getMetadata } from '@/lib/kafka/metadata';
import { historyRoute } from '@/lib/server/history-route';
import { parseWith } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const path = z.object({ broker: brokerParam });

// GET /api/clusters/:cluster/brokers/:broker/history?metrics=broker.bytes-in-rate&range=1h
export const GET = historyRoute<{ cluster: string; broker: string }>({
  kind: 'broker',
  resolve: async ({ params }) => {
    const { broker } = parseWith(path, { broker: params.broker.trim() === '' ? 'x' : params.broker });
    const meta = await getMetadata(params.cluster);
    if (!meta.brokers.some((b) => b.id === broker)) throw notFound(`Broker ${broker} is not part of this cluster.`);
    return { kind: 'broker', broker };
  },
});
