import type { GroupMember } from '@/lib/api/groups';

// One read of every group in a cluster, before any lag math: what the brokers said.

export interface CommittedPartition {
  partition: number;
  committed: number;
  metadata: string | null;
}

export interface RawGroup {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  coordinator: number | null;
  members: GroupMember[];
  /** topic -> committed offsets */
  offsets: Map<string, CommittedPartition[]>;
  error?: string;
}

export interface LogRange {
  logStart: number;
  logEnd: number;
}

export interface GroupsSnapshot {
  groups: RawGroup[];
  /** `${topic}:${partition}` -> log start and end, for every partition some group committed to. */
  logs: Map<string, LogRange>;
  /** Parts of the cluster that could not be read (the rest is still shown). */
  warnings: string[];
  fetchedAt: number;
  loadMs: number;
}

export const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;
