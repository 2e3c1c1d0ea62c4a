import 'server-only';
import { cached } from '@/lib/kafka/cache';
import { cacheKeys, GROUPS_TTL_MS } from '@/lib/kafka/cache-keys';
import { recordSnapshot } from './history-store';
import { readAllGroups, readGroups } from './read-groups';
import { ensureSampler } from './sampler';
import type { GroupsSnapshot } from './types';

/**
 * The cluster's groups, read at most once per GROUPS_TTL_MS however many pages poll. Every
 * fresh read also feeds the lag history; the first one starts the cluster's sampler.
 */
export async function groupsSnapshot(clusterId: string, force = false): Promise<GroupsSnapshot> {
  const { value } = await cached(
    cacheKeys.groups(clusterId),
    GROUPS_TTL_MS,
    async () => {
      const snapshot = await readAllGroups(clusterId);
      recordSnapshot(clusterId, snapshot);
      return snapshot;
    },
    force,
  );
  ensureSampler(clusterId);
  return value;
}

/** One group, read on its own (cheaper and fresher than the whole cluster for a detail page). */
export async function groupSnapshot(clusterId: string, groupId: string, force = false): Promise<GroupsSnapshot> {
  const { value } = await cached(
    cacheKeys.group(clusterId, groupId),
    GROUPS_TTL_MS,
    async () => {
      const snapshot = await readGroups(clusterId, [groupId]);
      recordSnapshot(clusterId, snapshot);
      return snapshot;
    },
    force,
  );
  ensureSampler(clusterId);
  return value;
}
