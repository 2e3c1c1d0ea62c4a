import type { DevCluster } from '../cluster';
import { ErrorCode, KafkaError } from '../errors';
import type { ConfigTarget } from './config-resources';

/** Current dynamic configs of a resource. */
export function currentConfigs(cluster: DevCluster, target: ConfigTarget): Map<string, string> {
  return target.kind === 'topic' ? new Map(cluster.topics.get(target.name)!.configs) : cluster.configs.dynamicConfigs(target.brokerId);
}

/** Stores validated dynamic configs for a resource, checking cross-config rules first. */
export function applyConfigs(cluster: DevCluster, target: ConfigTarget, next: Map<string, string>): void {
  if (target.kind === 'topic') {
    const topic = cluster.topics.get(target.name)!;
    const minIsr = next.get('min.insync.replicas');
    const rf = topic.partitions[0]?.replicas.length ?? 1;
    if (minIsr !== undefined && Number(minIsr) > rf) {
      throw new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${minIsr} for configuration min.insync.replicas: min.insync.replicas cannot be greater than the replication factor ${rf}`);
    }
    cluster.setTopicConfigs(target.name, next);
  } else {
    cluster.setBrokerConfigs(target.brokerId, next);
  }
}
