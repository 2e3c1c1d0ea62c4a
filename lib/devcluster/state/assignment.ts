import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';

/**
 * Kafka's rack-unaware replica assignment (AdminUtils.assignReplicasToBrokers): leaders go
 * round-robin from a random start, followers are shifted so replicas spread over brokers.
 * `startPartition` and `firstIndex` let CreatePartitions continue an existing layout.
 */
export function assignReplicas(
  brokerIds: readonly number[],
  partitions: number,
  replicationFactor: number,
  opts: { startPartition?: number; firstIndex?: number; random?: () => number } = {},
): number[][] {
  const brokers = [...brokerIds].sort((a, b) => a - b);
  const n = brokers.length;
  if (partitions <= 0) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, 'Number of partitions must be larger than 0.');
  if (replicationFactor <= 0) throw new KafkaError(ErrorCode.INVALID_REPLICATION_FACTOR, 'Replication factor must be larger than 0.');
  if (replicationFactor > n) {
    throw new KafkaError(ErrorCode.INVALID_REPLICATION_FACTOR, `Replication factor: ${replicationFactor} larger than available brokers: ${n}.`);
  }
  const random = opts.random ?? Math.random;
  const startIndex = opts.firstIndex ?? Math.floor(random() * n);
  let shift = Math.floor(random() * n);
  let current = opts.startPartition ?? 0;
  const out: number[][] = [];
  for (let i = 0; i < partitions; i++) {
    if (current > 0 && current % n === 0) shift++;
    const first = (current + startIndex) % n;
    const replicas = [brokers[first]];
    for (let j = 0; j < replicationFactor - 1; j++) {
      replicas.push(brokers[(first + 1 + ((shift + j) % (n - 1))) % n]);
    }
    out.push(replicas);
    current++;
  }
  return out;
}
