import 'server-only';
import type { OverviewResponse } from '@/lib/api/overview';
import { overviewHealth, PROBLEM_GROUPS_SHOWN, problemGroups } from '@/lib/overview/health';
import { topicConfigSummaries } from '../topics/configs';
import { withDeadline } from '../deadline';
import { groupViews } from '../groups/service';
import { getClusterLogDirs } from './log-dirs';
import { getMetadata } from '../metadata';
import { problemPartitions } from '../topics/replicas';
import { topicsSnapshot } from '../topics/read';
import { overviewTraffic } from '../traffic/current';
import type { Visibility } from '../visibility';

// The cluster at a glance. Everything comes from the same cached reads the other pages use, so the
// overview adds no requests of its own beyond what a poll of the topic list costs.

const GROUPS_WAIT_MS = 2_000;

/**
 * With a visibility, everything about topics and groups (counts, partitions and their problems,
 * messages, groups by state) covers only what the caller may see: a user limited to `orders*`
 * expects the overview of their topics, and hidden topics must not show even as numbers. The
 * brokers and their disk usage stay cluster-wide: they are shared by every topic and name none.
 */
export async function getOverview(clusterId: string, force = false, visibility?: Visibility): Promise<OverviewResponse> {
  const groupsRead = withDeadline(groupViews(clusterId, force, visibility), GROUPS_WAIT_MS);
  const meta = await getMetadata(clusterId, force);
  const [snapshot, dirs, summaries, groups] = await Promise.all([
    topicsSnapshot(clusterId, force),
    getClusterLogDirs(clusterId).catch(() => null),
    topicConfigSummaries(clusterId).catch(() => null),
    groupsRead,
  ]);

  const visibleTopic = visibility?.topic;
  const topics = visibleTopic ? meta.topics.filter((t) => visibleTopic(t.name)) : meta.topics;
  const rows = visibleTopic ? snapshot.rows.filter((r) => visibleTopic(r.name)) : snapshot.rows;
  const visibleGroups = groups?.views.map((v) => v.summary);
  const problems = problemGroups(visibleGroups ?? []);
  const partitionProblems = problemPartitions(meta, (t) => summaries?.get(t)?.minInsyncReplicas ?? null, visibleTopic);
  const count = (kind: string) => partitionProblems.filter((p) => (p.problems as string[]).includes(kind)).length;
  const partitions = {
    total: topics.reduce((n, t) => n + t.partitions.length, 0),
    replicas: topics.reduce((n, t) => n + t.partitions.reduce((m, p) => m + p.replicas.length, 0), 0),
    offline: count('offline'),
    underMinIsr: count('under-min-isr'),
    underReplicated: count('under-replicated'),
  };
  const offlineIds = meta.brokers.filter((b) => !b.online).map((b) => b.id);
  const reporting = dirs ? [...dirs.brokers.values()].filter((b) => !b.error) : [];
  const messages = rows.some((r) => r.messages !== null) ? rows.reduce((n, r) => n + (r.messages ?? 0), 0) : null;

  const byState = new Map<string, number>();
  for (const g of visibleGroups ?? []) byState.set(g.state || 'Unknown', (byState.get(g.state || 'Unknown') ?? 0) + 1);

  const failedDirs = dirs ? [...dirs.brokers.values()].filter((b) => b.error || b.dirs.some((d) => d.error)) : [];
  const health = overviewHealth({
    brokerCount: meta.brokers.length,
    offlineBrokerIds: offlineIds,
    offlinePartitions: partitions.offline,
    underMinIsrPartitions: partitions.underMinIsr,
    underReplicatedPartitions: partitions.underReplicated,
    unreadableLogDirs: failedDirs.map((b) => ({ brokerId: b.brokerId, error: b.error ?? b.dirs.find((d) => d.error)?.error ?? '' })),
    groupsRead: Boolean(groups),
    problemGroups: problems,
    problemGroupCount: problems.length,
  });

  return {
    kafkaClusterId: meta.kafkaClusterId,
    controllerId: meta.controllerId,
    brokers: { online: meta.brokers.length - offlineIds.length, total: meta.brokers.length, offlineIds },
    topics: { total: topics.length, internal: topics.filter((t) => t.internal).length },
    partitions,
    sizeBytes: reporting.length ? reporting.reduce((n, b) => n + b.size, 0) : null,
    sizeBrokersReporting: reporting.length,
    messages,
    groups: {
      total: visibleGroups?.length ?? 0,
      byState: [...byState].map(([state, n]) => ({ state, count: n })).sort((a, b) => b.count - a.count),
      problems: problems.slice(0, PROBLEM_GROUPS_SHOWN),
      problemCount: problems.length,
      error: groups ? null : 'Consumer groups could not be read in time.',
    },
    health,
    traffic: overviewTraffic(clusterId, topics, groups?.views),
    fetchedAt: meta.fetchedAt,
  };
}
