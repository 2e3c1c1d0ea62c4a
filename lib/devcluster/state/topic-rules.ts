import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';

/** Limits that keep one bad request from exhausting memory (a dev cluster, not a datacenter). */
export const MAX_PARTITIONS_PER_TOPIC = 10_000;
export const MAX_PARTITIONS_TOTAL = 100_000;

export function checkPartitionLimit(count: number, existing: number, clusterTotal: number): void {
  if (count > MAX_PARTITIONS_PER_TOPIC || clusterTotal + count - existing > MAX_PARTITIONS_TOTAL) {
    throw new KafkaError(ErrorCode.INVALID_PARTITIONS, `The dev cluster allows at most ${MAX_PARTITIONS_PER_TOPIC} partitions per topic and ${MAX_PARTITIONS_TOTAL} in total.`);
  }
}

/** Manual replica assignments, checked with Kafka's messages. */
export function checkAssignments(assignments: number[][], firstIndex: number, knownBroker: (id: number) => boolean): void {
  const rf = assignments[0]?.length ?? 0;
  assignments.forEach((replicas, i) => {
    if (replicas.length === 0 || replicas.length !== rf) {
      throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `All partitions should have the same number of replicas (partition ${firstIndex + i}).`);
    }
    if (new Set(replicas).size !== replicas.length) {
      throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Duplicate brokers not allowed in replica assignment: ${replicas.join(', ')} for partition id ${firstIndex + i}.`);
    }
    const unknown = replicas.filter((r) => !knownBroker(r));
    if (unknown.length > 0) throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Unknown broker(s) ${unknown.join(', ')} in replica assignment.`);
  });
}
