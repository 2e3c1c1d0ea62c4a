import type { ClusterMeta } from '../storage/cluster-disk';
import type { ConfigStore } from './store';

// The broker configs a dev cluster runs with: static ones it sets for itself, ones that name the
// broker, and the dynamic ones kept in its data dir across restarts.

/** Static broker configs the dev cluster runs with (reported as STATIC_BROKER_CONFIG). */
export const DEV_STATIC_CONFIGS: Record<string, string> = {
  'log.retention.check.interval.ms': '5000',
  'group.initial.rebalance.delay.ms': '0',
  'log.message.downconversion.enable': 'false',
};

/** Configs that describe one broker: its id, listeners and log dir. */
export function brokerIdentityConfigs(
  id: number,
  broker: { info: { host: string; port: number }; logDir: string } | undefined,
  cluster: { autoCreateTopics: boolean; sasl: boolean },
): Record<string, string | null> {
  const listener = broker ? `PLAINTEXT://${broker.info.host}:${broker.info.port}` : null;
  return {
    'broker.id': String(id),
    'node.id': String(id),
    listeners: listener,
    'advertised.listeners': listener,
    'log.dirs': broker?.logDir ?? null,
    'auto.create.topics.enable': String(cluster.autoCreateTopics),
    ...(cluster.sasl ? { 'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512' } : {}),
  };
}

type StoredConfigs = ClusterMeta['brokerConfigs'];

export function restoreDynamicConfigs(configs: ConfigStore, stored: StoredConfigs): void {
  configs.setDynamic(null, new Map(Object.entries(stored.default)));
  for (const [id, cfg] of Object.entries(stored.perBroker)) configs.setDynamic(Number(id), new Map(Object.entries(cfg)));
}

export function storedDynamicConfigs(configs: ConfigStore, brokerIds: Iterable<number>): StoredConfigs {
  const perBroker: Record<string, Record<string, string>> = {};
  for (const id of brokerIds) {
    const m = configs.dynamicConfigs(id);
    if (m.size > 0) perBroker[id] = Object.fromEntries(m);
  }
  return { default: Object.fromEntries(configs.dynamicConfigs(null)), perBroker };
}
