import 'server-only';
import { LagHistory } from '@/lib/lag/history';
import { sampleIntervalMs } from '../traffic/interval';
import { groupLags } from './lags';
import type { GroupsSnapshot } from './types';

// One lag history per cluster, kept for an hour in this process's memory.

export const RETENTION_MS = 60 * 60 * 1000;

export { sampleIntervalMs };

/** How far back the health verdict looks: a dozen samples, at least 30 s. */
export function healthWindowMs(): number {
  return Math.max(30_000, sampleIntervalMs() * 12);
}

const key = Symbol.for('kafka-console.lag-history');
type GlobalWithHistory = typeof globalThis & { [key]?: Map<string, LagHistory> };
const histories = ((globalThis as GlobalWithHistory)[key] ??= new Map());

export function lagHistory(clusterId: string): LagHistory {
  let history = histories.get(clusterId);
  if (!history) {
    history = new LagHistory(RETENTION_MS, sampleIntervalMs() / 2);
    histories.set(clusterId, history);
  }
  return history;
}

export function recordSnapshot(clusterId: string, snapshot: GroupsSnapshot): void {
  const groups = snapshot.groups.map((group) => ({
    groupId: group.groupId,
    topics: [...groupLags(group, snapshot)].map(([topic, rows]) => ({
      topic,
      lag: rows.reduce((sum, r) => sum + (r.lag ?? 0), 0),
      consumed: rows.reduce((sum, r) => sum + Math.max(r.committed, r.logStart), 0),
      produced: rows.reduce((sum, r) => sum + r.logEnd, 0),
      partitions: rows.map((r) => ({ partition: r.partition, committed: r.committed })),
    })),
  }));
  lagHistory(clusterId).record(snapshot.fetchedAt, groups);
}
