import type { DevCluster } from '../cluster';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { resolveResource, type ConfigTarget } from './config-resources';

/** Current dynamic configs of a resource. */
export function currentConfigs(cluster: DevCluster, target: ConfigTarget): Map<string, string> {
  return target.kind === 'topic' ? new Map(cluster.topics.get(target.name)!.configs) : cluster.configs.dynamicConfigs(target.brokerId);
}

/** Stores validated dynamic configs for a resource, checking cross-config rules first. */
function applyConfigs(cluster: DevCluster, target: ConfigTarget, next: Map<string, string>): void {
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

interface AlterRequestResource {
  resourceType: number;
  resourceName: string;
  configs: { name: string }[];
}

/**
 * Answers one resource of AlterConfigs or IncrementalAlterConfigs: resolves it, refuses duplicate
 * keys, lets `nextConfigs` build the validated set and stores it unless validateOnly. A Kafka
 * error becomes the resource's error code, so one bad resource does not fail the others.
 */
export function alterResource(
  cluster: DevCluster,
  res: AlterRequestResource,
  validateOnly: boolean,
  nextConfigs: (target: ConfigTarget) => Map<string, string>,
) {
  const done = (errorCode: number, errorMessage: string | null) => ({ errorCode, errorMessage, resourceType: res.resourceType, resourceName: res.resourceName });
  try {
    const target = resolveResource(cluster, res.resourceType, res.resourceName);
    const names = res.configs.map((c) => c.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new KafkaError(ErrorCode.INVALID_REQUEST, `Error due to duplicate config keys: ${dup}`);
    const next = nextConfigs(target);
    if (!validateOnly) applyConfigs(cluster, target, next);
    return done(ErrorCode.NONE, null);
  } catch (err) {
    if (!(err instanceof KafkaError)) throw err;
    return done(err.code, err.message);
  }
}
