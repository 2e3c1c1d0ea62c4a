import 'server-only';
import { topicNameParam } from '@/lib/api/common';
import { patchConfigsInput, putConfigsInput } from '@/lib/api/topic-admin';
import { alterTopicConfigs, replaceTopicConfigs } from '@/lib/kafka/admin/alter-configs';
import type { ConfigOp } from '@/lib/topics/config-diff';
import { mutation } from '../mutation';
import { parseBody, parseWith } from '../route';

// PATCH /api/clusters/:cluster/topics/:topic/configs  { set: {name: value}, reset: [name], validateOnly }
export const PATCH = mutation<{ cluster: string; topic: string }>('topic.configs.alter', async ({ params, request, audit }) => {
  const topic = parseWith(topicNameParam, params.topic);
  const body = await parseBody(request, patchConfigsInput);
  audit.parameters = { set: body.set, reset: body.reset, validateOnly: body.validateOnly };
  if (body.validateOnly) audit.action = 'topic.configs.validate';
  const ops: ConfigOp[] = [
    ...Object.entries(body.set).map(([name, value]) => ({ name, op: 'set' as const, value })),
    ...body.reset.map((name) => ({ name, op: 'delete' as const })),
  ];
  return alterTopicConfigs(params.cluster, topic, ops, body.validateOnly);
});

// PUT /api/clusters/:cluster/topics/:topic/configs  { configs: {name: value}, validateOnly } — the
// complete set of overrides wanted; overrides left out are reset to the default.
export const PUT = mutation<{ cluster: string; topic: string }>('topic.configs.replace', async ({ params, request, audit }) => {
  const topic = parseWith(topicNameParam, params.topic);
  const body = await parseBody(request, putConfigsInput);
  const parameters = { configs: body.configs, validateOnly: body.validateOnly };
  audit.parameters = parameters;
  if (body.validateOnly) audit.action = 'topic.configs.validate';
  const result = await replaceTopicConfigs(params.cluster, topic, body.configs, body.validateOnly);
  audit.parameters = { ...parameters, operations: result.operations };
  return result;
});
