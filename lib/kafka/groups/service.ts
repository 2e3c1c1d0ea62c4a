import 'server-only';
import { clusterUnreachable, notFound } from '@/lib/api/errors';
import type { GroupDetail, GroupsPage, TopicConsumers, TopicTrend } from '@/lib/api/groups';
import { getCluster } from '@/lib/kafka/clusters';
import { getMetadata, getTopicMeta } from '@/lib/kafka/metadata';
import { groupVisible, restrictGroup, type Visibility } from '@/lib/kafka/visibility';
import { listGroups, type ListOptions } from '@/lib/lag/group-list';
import { totalLag } from '@/lib/lag/partition-lag';
import { lagTrend } from '@/lib/lag/trend';
import { healthWindowMs, lagHistory } from './history-store';
import { groupSnapshot, groupsSnapshot } from './snapshot';
import { registerGroupTopics } from './group-topics';
import type { GroupsSnapshot, RawGroup } from './types';
import { groupView, partitionRows, topicConsumerRows, type GroupView } from './views';

registerGroupTopics(readGroup);

/**
 * Every group of the cluster with lag and health, from the shared snapshot. With a visibility,
 * only the groups the caller may see, each restricted to the topics the caller may see.
 */
export async function groupViews(clusterId: string, force = false, visibility?: Visibility): Promise<{ views: GroupView[]; snapshot: GroupsSnapshot }> {
  await getCluster(clusterId);
  const snapshot = await groupsSnapshot(clusterId, force);
  const history = lagHistory(clusterId);
  const windowMs = healthWindowMs();
  const groups = visibility?.group ? snapshot.groups.filter((g) => groupVisible(g, visibility)) : snapshot.groups;
  return { views: groups.map((g) => groupView(g, snapshot, history, windowMs, visibility?.topic)), snapshot };
}

/** `clusterTotal` and `byHealth` count only the groups the caller may see. */
export async function groupsPage(clusterId: string, options: ListOptions & { refresh?: boolean }, visibility?: Visibility): Promise<GroupsPage> {
  const { views, snapshot } = await groupViews(clusterId, options.refresh, visibility);
  const summaries = views.map((v) => v.summary);
  const { groups, total, byHealth } = listGroups(summaries, options);
  return {
    groups,
    total,
    page: options.page,
    pageSize: options.pageSize,
    clusterTotal: summaries.length,
    byHealth,
    warnings: snapshot.warnings,
    fetchedAt: snapshot.fetchedAt,
    loadMs: snapshot.loadMs,
  };
}

/** One group, read fresh; 404 when the cluster has no such group. */
export async function readGroup(clusterId: string, groupId: string, force = false): Promise<{ group: RawGroup; snapshot: GroupsSnapshot }> {
  await getCluster(clusterId);
  const snapshot = await groupSnapshot(clusterId, groupId, force);
  const group = snapshot.groups.find((g) => g.groupId === groupId);
  if (!group || isMissing(group)) throw notFound(`Consumer group "${groupId}" does not exist in this cluster.`);
  if (group.state === 'Unknown' && group.error) throw clusterUnreachable(`Consumer group "${groupId}" could not be read: ${group.error}`);
  return { group, snapshot };
}

/** Kafka describes an unknown group as "Dead" with no members (or GROUP_ID_NOT_FOUND on newer brokers). */
export function isMissing(group: RawGroup): boolean {
  if (group.error?.includes('GROUP_ID_NOT_FOUND')) return true;
  return (group.state === 'Dead' || group.state === 'Unknown') && group.members.length === 0 && group.offsets.size === 0 && !group.error;
}

/** The caller's view of the group: members, partitions, lag and trends of the topics it may see only. */
export async function groupDetail(clusterId: string, groupId: string, force = false, visibility?: Visibility): Promise<GroupDetail> {
  const read = await readGroup(clusterId, groupId, force);
  const { snapshot } = read;
  const group = restrictGroup(read.group, visibility?.topic);
  const history = lagHistory(clusterId);
  const windowMs = healthWindowMs();
  const view = groupView(group, snapshot, history, windowMs, visibility?.topic);
  const series = history.groupSeries(groupId);
  const trends: TopicTrend[] = [...view.lags].map(([topic, rows]) => ({
    topic,
    ...lagTrend(series.get(topic) ?? [], snapshot.fetchedAt, windowMs, totalLag(rows)),
  }));
  const meta = await getMetadata(clusterId);
  return {
    ...view.summary,
    membersList: group.members,
    partitions: partitionRows(group, view, snapshot, history, meta),
    trends,
    canReset: group.members.length === 0,
    fetchedAt: snapshot.fetchedAt,
  };
}

/** The groups on the topic that the caller may see, with their health from the topics it may see. */
export async function topicConsumers(clusterId: string, topic: string, force = false, visibility?: Visibility): Promise<TopicConsumers> {
  await getCluster(clusterId);
  await getTopicMeta(clusterId, topic);
  const { views, snapshot } = await groupViews(clusterId, force, visibility);
  return { topic, consumers: topicConsumerRows(topic, views), fetchedAt: snapshot.fetchedAt };
}
