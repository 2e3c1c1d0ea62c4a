import { partitionLag, type PartitionLag } from '@/lib/lag/partition-lag';
import { partitionKey, type GroupsSnapshot, type RawGroup } from './types';

export interface PartitionLagRow extends PartitionLag {
  partition: number;
  committed: number;
  logStart: number;
  logEnd: number;
  metadata: string | null;
}

/** Lag of every committed partition of a group, per topic. Partitions the log no longer has are left out. */
export function groupLags(group: RawGroup, snapshot: Pick<GroupsSnapshot, 'logs'>): Map<string, PartitionLagRow[]> {
  const out = new Map<string, PartitionLagRow[]>();
  for (const [topic, partitions] of group.offsets) {
    const rows: PartitionLagRow[] = [];
    for (const p of partitions) {
      const log = snapshot.logs.get(partitionKey(topic, p.partition));
      if (!log) continue;
      rows.push({ partition: p.partition, committed: p.committed, metadata: p.metadata, ...log, ...partitionLag({ committed: p.committed, ...log }) });
    }
    if (rows.length) out.set(topic, rows);
  }
  return out;
}
