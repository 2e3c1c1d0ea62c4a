import 'server-only';
import { patchConfigsInput, putConfigsInput } from '@/lib/api/topic-admin';
import { alterTopicConfigs, replaceTopicConfigs } from '@/lib/kafka/admin/alter-configs';
import type { ConfigOp } from '@/lib/topics/config-diff';
import { topicMutation } from '../topic-route';

// PATCH /api/clusters/:cluster/topics/:topic/configs  { set: {name: value}, reset: [name], validateOnly }
export const PATCH = topicMutation('topic.configs.alter', patchConfigsInput, {
  parameters: (body) => ({ set: body.set, reset: body.reset, validateOnly: body.validateOnly }),
  validateAction: 'topic.configs.validate',
  run: (cluster, topic, body) => {
    const ops: ConfigOp[] = [
      ...Object.entries(body.set).map(([name, value]) => ({ name, op: 'set' as const, value })),
      ...body.reset.map((name) => ({ name, op: 'delete' as const })),
    ];
    return alterTopicConfigs(cluster, topic, ops, body.validateOnly);
  },
});

// PUT /api/clusters/:cluster/topics/:topic/configs  { configs: {name: value}, validateOnly } — the
// complete set of overrides wanted; overrides left out are reset to the default.
export const PUT = topicMutation('topic.configs.replace', putConfigsInput, {
  parameters: (body) => ({ configs: body.configs, validateOnly: body.validateOnly }),
  validateAction: 'topic.configs.validate',
  run: (cluster, topic, body) => replaceTopicConfigs(cluster, topic, body.configs, body.validateOnly),
  outcome: (result) => ({ operations: result.operations }),
});
