import 'server-only';
import type { CreateTopicResult } from '@/lib/api/topic-admin';
import { badRequest } from '@/lib/api/errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { CreateTopics } from '@/lib/protocol/generated';
import { topicConfigCatalog } from '@/lib/topics/config-catalog';
import { validateNewTopic, type NewTopic } from '@/lib/topics/validate-create';
import { invalidate } from '../cache';
import { cacheKeys } from '../cache-keys';
import { getMetadata } from '../metadata';
import { callController } from '../controller';
import { clusterTopicDefaults, topicConfigState } from './form-context';
import { brokerError, fieldForTopicError } from './errors';

// Creating a topic: the console's rules first (each problem named by field), then CreateTopics,
// with validateOnly when asked, so the broker's own verdict (its policies included) is what the
// form shows last.

const TIMEOUT_MS = 15_000;

export async function createTopic(clusterId: string, topic: NewTopic, validateOnly: boolean): Promise<CreateTopicResult> {
  const meta = await getMetadata(clusterId, true);
  const defaults = await clusterTopicDefaults(clusterId);
  const sample = meta.topics.find((t) => !t.internal)?.name ?? meta.topics[0]?.name;
  const known = sample
    ? new Set((await topicConfigState(clusterId, sample, defaults.values)).entries.map((e) => e.name))
    : new Set(topicConfigCatalog.map((i) => i.name));
  const verdict = validateNewTopic(topic, {
    liveBrokers: meta.onlineBrokerIds.size,
    knownConfigs: known,
    defaults: defaults.values,
    existingTopics: meta.topics.map((t) => t.name),
  });
  const problems = Object.entries(verdict.errors);
  if (problems.length > 0) {
    const [field, message] = problems[0];
    throw badRequest(`${field}: ${message}`, { fields: verdict.errors, warnings: verdict.warnings });
  }

  const configs = Object.entries(topic.configs).map(([name, value]) => ({ name, value }));
  const response = await callController(
    clusterId,
    CreateTopics,
    {
      topics: [{ name: topic.name, numPartitions: topic.partitions, replicationFactor: topic.replicationFactor, assignments: [], configs }],
      timeoutMs: TIMEOUT_MS,
      validateOnly,
    },
    (r) => r.topics.map((t) => t.errorCode),
  );
  const result = response.topics.find((t) => t.name === topic.name) ?? response.topics[0];
  if (!result) throw brokerError(ErrorCode.UNKNOWN_SERVER_ERROR, 'The broker answered without a result for the topic.');
  if (result.errorCode !== ErrorCode.NONE) {
    const field = fieldForTopicError(result.errorCode, result.errorMessage, Object.keys(topic.configs));
    throw brokerError(result.errorCode, result.errorMessage, field);
  }
  if (!validateOnly) {
    invalidate(cacheKeys.cluster(clusterId));
    await waitForLeaders(clusterId, topic.name);
  }
  return { topic: topic.name, validateOnly, created: !validateOnly, warnings: verdict.warnings };
}

/** The topic pages read metadata right after creation; give the new partitions a moment to get leaders. */
async function waitForLeaders(clusterId: string, name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const t = (await getMetadata(clusterId, true)).topicsByName.get(name);
    if (t && t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
