import 'server-only';
import { groupLags } from './lags';
import { groupsSnapshot } from './snapshot';

/** For each topic, the group furthest behind on it (the topics list shows it); `include` picks the groups considered. */
export async function worstLagByTopic(
  clusterId: string,
  include?: (groupId: string, topic: string) => boolean,
): Promise<Map<string, { group: string; lag: number }>> {
  const snapshot = await groupsSnapshot(clusterId);
  const worst = new Map<string, { group: string; lag: number }>();
  for (const group of snapshot.groups) {
    for (const [topic, rows] of groupLags(group, snapshot)) {
      let lag: number | null = null;
      for (const row of rows) if (row.lag !== null) lag = (lag ?? 0) + row.lag;
      if (lag === null) continue;
      if (include && !include(group.groupId, topic)) continue;
      const current = worst.get(topic);
      if (!current || lag > current.lag) worst.set(topic, { group: group.groupId, lag });
    }
  }
  return worst;
}
