import 'server-only';
import type { ConfigEntry, ConfigSource } from '@/lib/api/common';
import type { TopicConfigsResponse } from '@/lib/api/topics';
import { notFound } from '@/lib/api/errors';
import { ErrorCode, KafkaProtocolError } from '@/lib/protocol/errors';
import { DescribeConfigs, type DescribeConfigsResponseDescribeConfigsResourceResult } from '@/lib/protocol/generated';
import { topicConfigInfo } from '@/lib/topics/config-catalog';
import { cached } from '../cache';
import { cacheKeys, TOPIC_CONFIGS_TTL_MS, TOPIC_SUMMARY_TTL_MS } from '../cache-keys';
import { getMetadata, liveBrokerIds } from '../metadata';
import { clusterRpc } from '../protocol-pool';

// Topic and broker configs through DescribeConfigs. The topic list needs two values for every
// topic; those are read in large batches spread over the live brokers and cached longer, since
// they change only when someone edits a topic (which invalidates the cluster's cache).

const TOPIC = 2;
const BROKER = 4;
const BATCH = 1_000;

export interface TopicConfigSummary {
  cleanupPolicy: string | null;
  minInsyncReplicas: number | null;
}

const sources: Record<number, ConfigSource> = {
  1: 'dynamic-topic',
  2: 'dynamic-broker',
  3: 'dynamic-default',
  4: 'static',
  5: 'default',
};
const types = ['UNKNOWN', 'BOOLEAN', 'STRING', 'INT', 'SHORT', 'LONG', 'DOUBLE', 'LIST', 'CLASS', 'PASSWORD'];

export type RawConfig = DescribeConfigsResponseDescribeConfigsResourceResult;

/** What to ask for besides the values. */
export interface DescribeOptions {
  synonyms: boolean;
  documentation: boolean;
}

/** All configs of one topic as the broker sends them; 404 when there is no such topic. */
export async function readTopicConfigs(clusterId: string, topic: string, options: DescribeOptions): Promise<RawConfig[]> {
  const rpc = await clusterRpc(clusterId);
  const response = await rpc.any(DescribeConfigs, {
    resources: [{ resourceType: TOPIC, resourceName: topic, configurationKeys: null }],
    includeSynonyms: options.synonyms,
    includeDocumentation: options.documentation,
  });
  const result = response.results[0];
  if (!result || result.errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) throw notFound(`Topic "${topic}" does not exist in this cluster.`);
  if (result.errorCode) throw new KafkaProtocolError(result.errorCode, result.errorMessage);
  return result.configs;
}

/**
 * All of a broker's own configs as it sends them, asked of that broker so its per-broker
 * dynamic values are included; null when it answers without a result.
 */
export async function readBrokerConfigs(clusterId: string, brokerId: number, options: DescribeOptions): Promise<RawConfig[] | null> {
  const rpc = await clusterRpc(clusterId);
  const response = await rpc.broker(brokerId, DescribeConfigs, {
    resources: [{ resourceType: BROKER, resourceName: String(brokerId), configurationKeys: null }],
    includeSynonyms: options.synonyms,
    includeDocumentation: options.documentation,
  });
  const result = response.results[0];
  if (!result) return null;
  if (result.errorCode) throw new KafkaProtocolError(result.errorCode, result.errorMessage);
  return result.configs;
}

export async function describeTopicConfigs(clusterId: string, topic: string): Promise<ConfigEntry[]> {
  const configs = await readTopicConfigs(clusterId, topic, { synonyms: false, documentation: true });
  return configs.map((c) => toEntry(c, TOPIC)).sort(byName);
}

/** A broker's own configs, with their documentation. */
export async function describeBrokerConfigs(clusterId: string, brokerId: number): Promise<ConfigEntry[]> {
  const configs = await readBrokerConfigs(clusterId, brokerId, { synonyms: false, documentation: true });
  return (configs ?? []).map((c) => toEntry(c, BROKER)).sort(byName);
}

/** cleanup.policy and min.insync.replicas of every topic, cached; topics created since are read on demand. */
export async function topicConfigSummaries(clusterId: string, force = false): Promise<Map<string, TopicConfigSummary>> {
  // Callers that force a refresh re-read metadata themselves just before: no second Metadata here.
  const meta = await getMetadata(clusterId);
  const { value } = await cached(
    cacheKeys.topicConfigSummaries(clusterId),
    TOPIC_SUMMARY_TTL_MS,
    () => readSummaries(clusterId, meta.topics.map((t) => t.name), liveBrokerIds(meta)),
    force,
  );
  const missing = meta.topics.filter((t) => !value.has(t.name)).map((t) => t.name);
  if (missing.length === 0) return value;
  const extra = await readSummaries(clusterId, missing, liveBrokerIds(meta));
  for (const [name, summary] of extra) value.set(name, summary);
  return value;
}

/** One topic's summary: a single small request, for pages about one topic. */
export async function topicConfigSummary(clusterId: string, topic: string): Promise<TopicConfigSummary | null> {
  const meta = await getMetadata(clusterId);
  return (await readSummaries(clusterId, [topic], liveBrokerIds(meta))).get(topic) ?? null;
}

async function readSummaries(clusterId: string, topics: string[], brokers: number[]): Promise<Map<string, TopicConfigSummary>> {
  const rpc = await clusterRpc(clusterId);
  const out = new Map<string, TopicConfigSummary>();
  const batches: string[][] = [];
  for (let i = 0; i < topics.length; i += BATCH) batches.push(topics.slice(i, i + BATCH));
  await Promise.all(
    batches.map(async (batch, i) => {
      const request = {
        resources: batch.map((name) => ({
          resourceType: TOPIC,
          resourceName: name,
          configurationKeys: ['cleanup.policy', 'min.insync.replicas'],
        })),
        includeSynonyms: false,
        includeDocumentation: false,
      };
      // Topic configs can be answered by any broker: spread the batches over them.
      const target = brokers.length ? brokers[i % brokers.length] : undefined;
      const response = target === undefined ? await rpc.any(DescribeConfigs, request) : await rpc.broker(target, DescribeConfigs, request);
      for (const r of response.results) {
        if (r.errorCode) continue;
        const value = (name: string) => r.configs.find((c) => c.name === name)?.value ?? null;
        const minIsr = Number(value('min.insync.replicas'));
        out.set(r.resourceName, {
          cleanupPolicy: value('cleanup.policy'),
          minInsyncReplicas: Number.isInteger(minIsr) && minIsr > 0 ? minIsr : null,
        });
      }
    }),
  );
  return out;
}

function toEntry(c: RawConfig, resourceType: number): ConfigEntry {
  const source = configSource(c, resourceType);
  return {
    name: c.name,
    value: c.isSensitive ? null : c.value,
    source,
    isDefault: source === 'default' || (resourceType === TOPIC && source !== 'dynamic-topic'),
    readOnly: c.readOnly,
    sensitive: c.isSensitive,
    // Brokers before Kafka 2.6 (and some compatible servers) send no documentation.
    documentation: c.documentation || (resourceType === TOPIC ? (topicConfigInfo.get(c.name)?.doc ?? null) : null),
    type: c.configType ? (types[c.configType] ?? null) : null,
  };
}

function configSource(c: RawConfig, resourceType: number): ConfigSource {
  if (c.configSource !== undefined && c.configSource >= 0) return sources[c.configSource] ?? 'unknown';
  // DescribeConfigs v0 only says default or not.
  if (c.isDefault) return 'default';
  return resourceType === TOPIC ? 'dynamic-topic' : 'static';
}

const byName = (a: ConfigEntry, b: ConfigEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function getTopicConfigs(clusterId: string, topic: string, force = false): Promise<TopicConfigsResponse> {
  const { value } = await cached(
    cacheKeys.topicConfigs(clusterId, topic),
    TOPIC_CONFIGS_TTL_MS,
    async () => ({ topic, configs: await describeTopicConfigs(clusterId, topic), fetchedAt: Date.now() }),
    force,
  );
  return value;
}
