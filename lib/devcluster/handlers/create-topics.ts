/**
 * CreateTopics (key 19), v0-7. Validates names (INVALID_TOPIC_EXCEPTION), duplicates
 * (TOPIC_ALREADY_EXISTS), configs (INVALID_CONFIG naming the config), replication factor against
 * live brokers (INVALID_REPLICATION_FACTOR) and manual assignments; -1 partitions/RF (v4+) take
 * num.partitions / default.replication.factor. validateOnly (v1+) checks without creating.
 * v5+ answers with the resulting partitions, RF and configs; v7 with the topic id.
 */
import { ZERO_UUID } from '@/lib/protocol/codec-runtime';
import { CreateTopics, type CreateTopicsResponseCreatableTopicResult } from '@/lib/protocol/generated';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

export const createTopicsHandler = defineHandler({
  codec: CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  handle({ cluster, broker }, req) {
    const counts = new Map<string, number>();
    for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t): CreateTopicsResponseCreatableTopicResult => {
        const fail = (code: number, message: string): CreateTopicsResponseCreatableTopicResult => ({
          name: t.name, topicId: ZERO_UUID, errorCode: code, errorMessage: message, topicConfigErrorCode: ErrorCode.NONE, numPartitions: -1, replicationFactor: -1, configs: null,
        });
        if ((counts.get(t.name) ?? 0) > 1) return fail(ErrorCode.INVALID_REQUEST, `Create topics request from client contains multiple entries for topic ${t.name}`);
        try {
          const input = {
            name: t.name,
            partitions: t.numPartitions,
            replicationFactor: t.replicationFactor,
            configs: new Map(t.configs.map((c) => [c.name, c.value] as [string, string | null])),
            assignments: [...t.assignments].sort((a, b) => a.partitionIndex - b.partitionIndex).map((a) => a.brokerIds),
          };
          let assignments: number[][];
          let configs: Map<string, string>;
          let topicId = ZERO_UUID;
          if (req.validateOnly) {
            ({ assignments, configs } = cluster.planTopic(input));
          } else {
            const topic = cluster.createTopic(input);
            assignments = topic.partitions.map((p) => p.replicas);
            configs = topic.configs;
            topicId = topic.topicId;
          }
          return {
            name: t.name,
            topicId,
            errorCode: ErrorCode.NONE,
            errorMessage: null,
            topicConfigErrorCode: ErrorCode.NONE,
            numPartitions: assignments.length,
            replicationFactor: assignments[0]?.length ?? -1,
            configs: cluster.configs.describeTopic(broker.nodeId, configs, null).map((c) => ({
              name: c.name, value: c.value, readOnly: c.readOnly, configSource: c.source, isSensitive: c.isSensitive,
            })),
          };
        } catch (err) {
          if (!(err instanceof KafkaError)) throw err;
          return fail(err.code, err.message);
        }
      }),
    };
  },
});
