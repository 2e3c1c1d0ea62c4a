import 'server-only';
import type { TopicAdminView, TopicConfigView, TopicFormContext } from '@/lib/api/topic-admin';
import { topicConfigCatalog, topicDefaultsFromBroker } from '@/lib/topics/config-catalog';
import { readBrokerConfigs, readTopicConfigs, type RawConfig } from './configs';
import { getMetadata, getTopicMeta, liveBrokerIds } from '../metadata';
import { listPartitionOffsets } from '../offsets';

// What the create form and the settings page need: live brokers, existing names, the topic
// configs this cluster knows with their cluster defaults, and (for one topic) its partitions,
// offsets and configs with what each falls back to when its override is removed.

const SOURCES: Record<number, string> = {
  1: 'topic',
  2: 'broker',
  3: 'cluster default',
  4: 'broker (static)',
  5: 'Kafka default',
};

export interface TopicConfigState {
  /** Current overrides of the topic (name -> value). */
  overrides: Record<string, string>;
  entries: TopicConfigView[];
  sensitive: Set<string>;
  readOnly: Set<string>;
}

export async function topicFormContext(clusterId: string, topicName?: string): Promise<TopicFormContext> {
  const meta = await getMetadata(clusterId, true);
  const topicNames = meta.topics.map((t) => t.name);
  const defaults = await clusterTopicDefaults(clusterId);
  const sample = topicName ?? meta.topics.find((t) => !t.internal)?.name ?? meta.topics[0]?.name;
  let configs: TopicFormContext['configs'];
  let configSource: TopicFormContext['configSource'];
  let topic: TopicAdminView | undefined;
  if (sample) {
    const state = await topicConfigState(clusterId, sample, defaults.values);
    configs = state.entries.map((e) => ({ name: e.name, defaultValue: e.defaultValue, sensitive: e.sensitive, readOnly: e.readOnly }));
    configSource = 'topic';
    if (topicName) topic = await topicView(clusterId, topicName, state.entries);
  } else {
    configs = topicConfigCatalog.map((i) => ({ name: i.name, defaultValue: defaults.values.get(i.name) ?? i.defaultValue, sensitive: false, readOnly: false }));
    configSource = defaults.fromBroker ? 'broker' : 'catalog';
  }
  return { liveBrokers: meta.onlineBrokerIds.size, topicNames, configs, configSource, topic };
}

/** The topic's configs: what is overridden, and the default each override hides. */
export async function topicConfigState(clusterId: string, topic: string, defaults?: ReadonlyMap<string, string>): Promise<TopicConfigState> {
  const [configs, clusterDefaults] = await Promise.all([
    readTopicConfigs(clusterId, topic, { synonyms: true, documentation: false }),
    defaults ? Promise.resolve(defaults) : clusterTopicDefaults(clusterId).then((d) => d.values),
  ]);
  const entries = configs.map((c) => toView(c, clusterDefaults)).sort((a, b) => a.name.localeCompare(b.name));
  const overrides: Record<string, string> = {};
  for (const e of entries) if (e.override && e.value !== null) overrides[e.name] = e.value;
  return {
    overrides,
    entries,
    sensitive: new Set(entries.filter((e) => e.sensitive).map((e) => e.name)),
    readOnly: new Set(entries.filter((e) => e.readOnly).map((e) => e.name)),
  };
}

/** Topic config defaults of this cluster, from a live broker's configs; the catalog's if none answers. */
export async function clusterTopicDefaults(clusterId: string): Promise<{ values: Map<string, string>; fromBroker: boolean }> {
  const meta = await getMetadata(clusterId);
  const [brokerId] = liveBrokerIds(meta);
  if (brokerId === undefined) return { values: topicDefaultsFromBroker(new Map()), fromBroker: false };
  try {
    const configs = await readBrokerConfigs(clusterId, brokerId, { synonyms: false, documentation: false });
    if (!configs) return { values: topicDefaultsFromBroker(new Map()), fromBroker: false };
    return { values: topicDefaultsFromBroker(new Map(configs.map((c) => [c.name, c.value]))), fromBroker: true };
  } catch {
    // Broker configs may be denied by ACLs (an error code, or a failed request); Kafka's own
    // defaults are the honest fallback.
    return { values: topicDefaultsFromBroker(new Map()), fromBroker: false };
  }
}

async function topicView(clusterId: string, name: string, configs: TopicConfigView[]): Promise<TopicAdminView> {
  const meta = await getTopicMeta(clusterId, name, true);
  const refs = meta.partitions.map((p) => ({ topic: name, partition: p.partition }));
  const [earliest, latest] = await Promise.all([
    listPartitionOffsets(clusterId, refs, 'earliest'),
    listPartitionOffsets(clusterId, refs, 'latest'),
  ]);
  return {
    name,
    internal: meta.internal,
    replicationFactor: Math.max(0, ...meta.partitions.map((p) => p.replicas.length)),
    partitions: meta.partitions.map((p) => ({
      partition: p.partition,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      earliest: earliest.get(name)?.get(p.partition) ?? -1,
      latest: latest.get(name)?.get(p.partition) ?? -1,
    })),
    configs,
  };
}

function toView(c: RawConfig, defaults: ReadonlyMap<string, string>): TopicConfigView {
  const override = c.configSource !== undefined && c.configSource >= 0 ? c.configSource === 1 : c.isDefault === false;
  // Not overridden: the value in effect is the default. Overridden: the broker-derived default,
  // else the next synonym the broker listed.
  const fallback = c.synonyms?.find((s) => s.source !== 1)?.value ?? null;
  const defaultValue = override ? (defaults.get(c.name) ?? fallback) : c.value;
  return {
    name: c.name,
    value: c.isSensitive ? null : c.value,
    override,
    defaultValue: c.isSensitive ? null : defaultValue,
    source: SOURCES[c.configSource ?? -1] ?? (override ? 'topic' : 'default'),
    sensitive: c.isSensitive,
    readOnly: c.readOnly,
  };
}
