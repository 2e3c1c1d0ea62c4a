import 'server-only';
import type { AlterConfigsResult } from '@/lib/api/topic-admin';
import { badRequest } from '@/lib/api/errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { IncrementalAlterConfigs } from '@/lib/protocol/generated';
import { configValueError, suggestConfigName } from '@/lib/topics/config-catalog';
import { diffOverrides, type ConfigOp } from '@/lib/topics/config-diff';
import { invalidate } from '../cache';
import { cacheKeys } from '../cache-keys';
import { getTopicMeta } from '../metadata';
import { clusterRpc } from '../protocol-pool';
import { topicConfigState, type TopicConfigState } from './form-context';
import { brokerError, configNameIn } from './errors';

// Topic config changes through IncrementalAlterConfigs: SET and DELETE (reset to default) of the
// named configs only. Every operation is checked first and problems are named by config.

const TOPIC = 2;
const OP_SET = 0;
const OP_DELETE = 1;

/**
 * Applies operations; returns them as applied. `state` is the topic's config state when the caller
 * already read it (e.g. to learn which configs the broker marks sensitive for the audit).
 */
export async function alterTopicConfigs(
  clusterId: string,
  topic: string,
  ops: ConfigOp[],
  validateOnly: boolean,
  state?: TopicConfigState,
): Promise<AlterConfigsResult> {
  const meta = await getTopicMeta(clusterId, topic, true);
  const current = state ?? (await topicConfigState(clusterId, topic));
  checkOps(ops, current, Math.max(0, ...meta.partitions.map((p) => p.replicas.length)));
  if (ops.length === 0) return { topic, validateOnly, operations: [] };

  const rpc = await clusterRpc(clusterId);
  const response = await rpc.any(IncrementalAlterConfigs, {
    resources: [
      {
        resourceType: TOPIC,
        resourceName: topic,
        configs: ops.map((op) => ({
          name: op.name,
          configOperation: op.op === 'set' ? OP_SET : OP_DELETE,
          value: op.op === 'set' ? op.value : null,
        })),
      },
    ],
    validateOnly,
  });
  const result = response.responses[0];
  if (!result) throw brokerError(ErrorCode.UNKNOWN_SERVER_ERROR, 'The broker answered without a result for the topic.');
  if (result.errorCode !== ErrorCode.NONE) {
    const named = configNameIn(result.errorMessage, ops.map((o) => o.name));
    throw brokerError(result.errorCode, result.errorMessage, named ? `configs.${named}` : 'configs');
  }
  if (!validateOnly) invalidate(cacheKeys.cluster(clusterId));
  return { topic, validateOnly, operations: ops };
}

/** PUT semantics: the wanted overrides in full; only the difference is sent. */
export async function replaceTopicConfigs(
  clusterId: string,
  topic: string,
  desired: Record<string, string>,
  validateOnly: boolean,
  known?: TopicConfigState,
): Promise<AlterConfigsResult> {
  const state = known ?? (await topicConfigState(clusterId, topic));
  // Sensitive values cannot be read back, so their overrides are not in state.overrides: they are
  // never reset by leaving them out, and always sent when named.
  const ops = diffOverrides(state.overrides, desired);
  return alterTopicConfigs(clusterId, topic, ops, validateOnly, state);
}

function checkOps(ops: readonly ConfigOp[], state: TopicConfigState, replicationFactor: number): void {
  const known = new Set(state.entries.map((e) => e.name));
  const errors: Record<string, string> = {};
  for (const op of ops) {
    const field = `configs.${op.name}`;
    if (!known.has(op.name)) {
      const hint = suggestConfigName(op.name, known);
      errors[field] = `"${op.name}" is not a topic config this cluster knows${hint ? ` (did you mean "${hint}"?)` : ''}.`;
    } else if (state.readOnly.has(op.name)) {
      errors[field] = `${op.name} is read-only on this cluster.`;
    } else if (op.op === 'set') {
      const problem = configValueError(op.name, op.value);
      if (problem) errors[field] = problem;
      else if (op.name === 'min.insync.replicas' && /^\d+$/.test(op.value.trim()) && Number(op.value) > replicationFactor) {
        errors[field] = `min.insync.replicas (${op.value.trim()}) is larger than the replication factor (${replicationFactor}): producers using acks=all could never write.`;
      }
    }
  }
  const problems = Object.entries(errors);
  if (problems.length > 0) throw badRequest(`${problems[0][0]}: ${problems[0][1]}`, { fields: errors });
}
