import type { GroupSortKey, GroupSummary, HealthStatus } from '@/lib/api/groups';

// Search, filter, sort and page the groups list on the server, so the browser only ever gets a page.

export interface ListOptions {
  search?: string;
  state?: string;
  health?: HealthStatus;
  sort: GroupSortKey;
  dir?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const healthRank: Record<HealthStatus, number> = { OK: 0, WARN: 1, STALL: 2, STOP: 3 };

/** Numbers and health sort worst-first by default; names sort A→Z. */
const defaultDir: Record<GroupSortKey, 'asc' | 'desc'> = {
  lag: 'desc',
  worst: 'desc',
  health: 'desc',
  members: 'desc',
  topics: 'desc',
  group: 'asc',
  state: 'asc',
};

const compareBy: Record<GroupSortKey, (a: GroupSummary, b: GroupSummary) => number> = {
  lag: (a, b) => (a.totalLag ?? -1) - (b.totalLag ?? -1),
  worst: (a, b) => (a.worstPartition?.lag ?? -1) - (b.worstPartition?.lag ?? -1),
  health: (a, b) => healthRank[a.health.status] - healthRank[b.health.status] || (a.totalLag ?? -1) - (b.totalLag ?? -1),
  members: (a, b) => a.members - b.members,
  topics: (a, b) => a.topics.length - b.topics.length,
  group: () => 0,
  state: (a, b) => a.state.localeCompare(b.state),
};

export function listGroups(all: readonly GroupSummary[], options: ListOptions) {
  const needle = options.search?.trim().toLowerCase();
  const filtered = all.filter(
    (g) =>
      (!needle || g.groupId.toLowerCase().includes(needle) || g.topics.some((t) => t.toLowerCase().includes(needle))) &&
      (!options.state || g.state.toLowerCase() === options.state.toLowerCase()) &&
      (!options.health || g.health.status === options.health),
  );
  const sign = (options.dir ?? defaultDir[options.sort]) === 'asc' ? 1 : -1;
  const compare = compareBy[options.sort];
  // The group id breaks ties (always A→Z) so rows do not jump between polls.
  const sorted = [...filtered].sort((a, b) => sign * compare(a, b) || a.groupId.localeCompare(b.groupId) * (options.sort === 'group' ? sign : 1));
  const start = (options.page - 1) * options.pageSize;
  const byHealth: Record<HealthStatus, number> = { OK: 0, WARN: 0, STALL: 0, STOP: 0 };
  for (const g of all) byHealth[g.health.status]++;
  return { groups: sorted.slice(start, start + options.pageSize), total: filtered.length, byHealth };
}
