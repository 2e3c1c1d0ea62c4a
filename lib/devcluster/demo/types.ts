import type { GroupCoordinator } from '../groups/coordinator';
import type { DemoRecord } from './generators';

/** What demo mode uses of the cluster: in-process produce/read and the group coordinator. */
export interface DemoCluster {
  readonly groups: GroupCoordinator;
  liveBrokerIds(): number[];
  topicNames(): string[];
  partitionExists(topic: string, partition: number): boolean;
  partitionOffsets(topic: string, partition: number): { logStartOffset: number; highWatermark: number; logEndOffset: number } | null;
  createTopic(input: { name: string; partitions: number; replicationFactor: number; configs?: Record<string, string> }): unknown;
  appendRecords(topic: string, partition: number, records: DemoRecord[]): { baseOffset: number };
  readRecords(topic: string, partition: number, fromOffset: number, maxRecords: number): { offset: number }[];
  now(): number;
}

export function partitionCount(cluster: DemoCluster, topic: string): number {
  let n = 0;
  while (cluster.partitionExists(topic, n)) n++;
  return n;
}
