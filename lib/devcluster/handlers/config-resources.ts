import type { DevCluster } from '../cluster';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';

const RESOURCE_TOPIC = 2;
const RESOURCE_BROKER = 4;

/** A config resource resolved to what it names: a topic, one broker, or the cluster default (""). */
export type ConfigTarget = { kind: 'topic'; name: string } | { kind: 'broker'; brokerId: number | null };

export function resolveResource(cluster: DevCluster, resourceType: number, resourceName: string): ConfigTarget {
  if (resourceType === RESOURCE_TOPIC) {
    if (!cluster.topics.has(resourceName)) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${resourceName} does not exist.`);
    return { kind: 'topic', name: resourceName };
  }
  if (resourceType === RESOURCE_BROKER) {
    if (resourceName === '') return { kind: 'broker', brokerId: null };
    const id = Number(resourceName);
    if (!/^\d+$/.test(resourceName) || !cluster.brokers.has(id)) {
      throw new KafkaError(ErrorCode.INVALID_REQUEST, `Unexpected broker id, expected one of ${[...cluster.brokers.keys()].join(', ')} or empty string, but received ${resourceName}`);
    }
    return { kind: 'broker', brokerId: id };
  }
  throw new KafkaError(ErrorCode.INVALID_REQUEST, `Unsupported resource type ${resourceType}`);
}
