import 'server-only';
import { patchConfigsInput, putConfigsInput } from '@/lib/api/topic-admin';
import { alterTopicConfigs, replaceTopicConfigs } from '@/lib/kafka/topics/alter-configs';
import { topicConfigState, type TopicConfigState } from '@/lib/kafka/topics/form-context';
import { getTopicConfigs } from '@/lib/kafka/topics/configs';
import type { MutationContext } from '@/lib/server/mutation';
import { topicGet, topicMutation } from '@/lib/server/topic-route';
import type { ConfigOp } from '@/lib/topics/config-diff';

export const dynamic = 'force-dynamic';

type Audit = MutationContext<{ cluster: string; topic: string }>['audit'];

// PATCH /api/clusters/:cluster/topics/:topic/configs  { set: {name: value}, reset: [name], validateOnly }
export const PATCH = topicMutation('topics:edit', 'topic.configs.alter', patchConfigsInput, {
  parameters: (body) => ({ set: body.set, reset: body.reset, validateOnly: body.validateOnly }),
  validateAction: 'topic.configs.validate',
  run: async (cluster, topic, body, audit) => {
    const ops: ConfigOp[] = [
      ...Object.entries(body.set).map(([name, value]) => ({ name, op: 'set' as const, value })),
      ...body.reset.map((name) => ({ name, op: 'delete' as const })),
    ];
    return alterTopicConfigs(cluster, topic, ops, body.validateOnly, await configState(cluster, topic, audit));
  },
});

// PUT /api/clusters/:cluster/topics/:topic/configs  { configs: {name: value}, validateOnly } — the
// complete set of overrides wanted; overrides left out are reset to the default.
export const PUT = topicMutation('topics:edit', 'topic.configs.replace', putConfigsInput, {
  parameters: (body) => ({ configs: body.configs, validateOnly: body.validateOnly }),
  validateAction: 'topic.configs.validate',
  run: async (cluster, topic, body, audit) =>
    replaceTopicConfigs(cluster, topic, body.configs, body.validateOnly, await configState(cluster, topic, audit)),
  outcome: (result) => ({ operations: result.operations }),
});

/**
 * The topic's config state, read once for the change. The configs the broker marks sensitive go
 * to the audit before the change is sent, so their values are masked even when the broker
 * refuses the change and quotes the value back; name patterns alone miss e.g. plugin configs.
 */
export async function configState(cluster: string, topic: string, audit: Audit): Promise<TopicConfigState> {
  const state = await topicConfigState(cluster, topic);
  audit.sensitiveConfigs = state.sensitive;
  return state;
}

export const GET = topicGet(getTopicConfigs);
