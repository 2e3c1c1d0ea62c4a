import { z } from 'zod';
import { brokerConfigsPatch } from '@/lib/api/broker-configs';
import { brokerParam } from '@/lib/api/brokers';
import { clusterUnreachable, notFound } from '@/lib/api/errors';
import { alterBrokerConfigs, brokerConfigState } from '@/lib/kafka/cluster/broker-configs';
import { getMetadata } from '@/lib/kafka/metadata';
import { mutation } from '@/lib/server/mutation';
import { parseBody, parseWith } from '@/lib/server/route';
import type { ConfigOp } from '@/lib/topics/config-diff';

export const dynamic = 'force-dynamic';

const path = z.object({ broker: brokerParam });

// PATCH /api/clusters/:cluster/brokers/:broker/configs
//   { scope: "broker" | "cluster-default", set: { name: value }, reset: [name], validateOnly }
// The broker in the path describes the configs (names, read-only, sensitive) for both scopes.
export const PATCH = mutation<{ cluster: string; broker: string }>('cluster:edit', 'broker.configs.alter', async ({ params, request, audit }) => {
  const { broker } = parseWith(path, { broker: params.broker.trim() === '' ? 'x' : params.broker });
  const body = await parseBody(request, brokerConfigsPatch);
  audit.target = body.scope === 'broker' ? `broker ${broker}` : 'cluster default';
  audit.parameters = { scope: body.scope, set: body.set, reset: body.reset, validateOnly: body.validateOnly };
  if (body.validateOnly) audit.action = 'broker.configs.validate';
  const meta = await getMetadata(params.cluster, true);
  if (!meta.brokers.some((b) => b.id === broker)) throw notFound(`Broker ${broker} is not part of this cluster.`);
  if (!meta.onlineBrokerIds.has(broker)) throw clusterUnreachable(`Broker ${broker} is offline; its configs cannot be read or changed now.`);
  const state = await brokerConfigState(params.cluster, broker);
  audit.sensitiveConfigs = new Set(state.filter((c) => c.isSensitive).map((c) => c.name));
  const ops: ConfigOp[] = [
    ...Object.entries(body.set).map(([name, value]) => ({ name, op: 'set' as const, value })),
    ...body.reset.map((name) => ({ name, op: 'delete' as const })),
  ];
  return alterBrokerConfigs(params.cluster, broker, body.scope, ops, body.validateOnly, state);
});
