import 'server-only';
import type { BrokerLoad, PartitionProblem, ProblemPartition, ReplicasQuery, ReplicasResponse, TopicProblems } from '@/lib/api/replicas';
import { topicConfigSummaries } from './configs';
import { getMetadata, isLeaderless, type ClusterMetadata } from '../metadata';

// Replica sync: every partition that is offline, below min.insync.replicas or under-replicated,
// and each broker's share of leaders and replicas, all from one (cached) Metadata response.

const severity: Record<PartitionProblem, number> = { offline: 0, 'under-min-isr': 1, 'under-replicated': 2 };

/**
 * `visibleTopic` limits the problem partitions and their counts to the topics the caller may see;
 * the broker loads stay cluster-wide (they describe brokers, and name no topic).
 */
export async function replicaSync(clusterId: string, query: ReplicasQuery, visibleTopic?: (topic: string) => boolean): Promise<ReplicasResponse> {
  const meta = await getMetadata(clusterId, query.refresh);
  const summaries = await topicConfigSummaries(clusterId, query.refresh).catch(() => null);
  const all = problemPartitions(meta, (topic) => summaries?.get(topic)?.minInsyncReplicas ?? null, visibleTopic);
  const terms = query.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matching = all.filter(
    (p) =>
      terms.every((t) => p.topic.toLowerCase().includes(t)) &&
      (query.broker === undefined || p.replicas.includes(query.broker)),
  );
  const partitions = meta.topics.reduce((n, t) => (!visibleTopic || visibleTopic(t.name) ? n + t.partitions.length : n), 0);
  return {
    counts: {
      partitions,
      offline: all.filter((p) => p.problems.includes('offline')).length,
      underMinIsr: all.filter((p) => p.problems.includes('under-min-isr')).length,
      underReplicated: all.filter((p) => p.problems.includes('under-replicated')).length,
      offPreferred: offPreferredCount(meta, visibleTopic),
    },
    problems: matching.slice(0, query.limit),
    matching: matching.length,
    byTopic: problemsByTopic(matching),
    brokers: brokerLoads(meta),
    fetchedAt: meta.fetchedAt,
  };
}

/** Partitions led by a live broker other than their first replica (what a preferred election would move). */
function offPreferredCount(meta: ClusterMetadata, visibleTopic?: (topic: string) => boolean): number {
  let n = 0;
  for (const t of meta.topics) {
    if (visibleTopic && !visibleTopic(t.name)) continue;
    for (const p of t.partitions) if (!isLeaderless(p, meta) && p.leader !== p.replicas[0]) n++;
  }
  return n;
}

/** Every partition with a problem, worst first, of the topics `visibleTopic` allows (pure; exported for the overview and tests). */
export function problemPartitions(
  meta: ClusterMetadata,
  minIsrOf: (topic: string) => number | null,
  visibleTopic?: (topic: string) => boolean,
): ProblemPartition[] {
  const out: ProblemPartition[] = [];
  for (const t of meta.topics) {
    if (visibleTopic && !visibleTopic(t.name)) continue;
    const minIsr = minIsrOf(t.name);
    for (const p of t.partitions) {
      const problems: PartitionProblem[] = [];
      const leaderless = isLeaderless(p, meta);
      if (leaderless) problems.push('offline');
      // kafka-topics.sh --under-min-isr-partitions counts a partition without a leader too.
      if (minIsr !== null && (leaderless || p.isr.length < minIsr)) problems.push('under-min-isr');
      if (p.isr.length < p.replicas.length) problems.push('under-replicated');
      if (problems.length === 0) continue;
      out.push({
        topic: t.name,
        partition: p.partition,
        leader: p.leader >= 0 ? p.leader : null,
        replicas: p.replicas,
        isr: p.isr,
        outOfSync: p.replicas.filter((r) => !p.isr.includes(r)),
        offlineReplicas: p.replicas.filter((r) => !meta.onlineBrokerIds.has(r) || p.offlineReplicas.includes(r)),
        minInsyncReplicas: minIsr,
        problems,
      });
    }
  }
  return out.sort(
    (a, b) =>
      severity[a.problems[0]] - severity[b.problems[0]] ||
      (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) ||
      a.partition - b.partition,
  );
}

export function problemsByTopic(problems: ProblemPartition[]): TopicProblems[] {
  const byTopic = new Map<string, TopicProblems & { brokers: Set<number> }>();
  for (const p of problems) {
    let t = byTopic.get(p.topic);
    if (!t) {
      t = { topic: p.topic, partitions: 0, offline: 0, underMinIsr: 0, underReplicated: 0, outOfSyncBrokers: [], brokers: new Set() };
      byTopic.set(p.topic, t);
    }
    t.partitions += 1;
    if (p.problems.includes('offline')) t.offline += 1;
    if (p.problems.includes('under-min-isr')) t.underMinIsr += 1;
    if (p.problems.includes('under-replicated')) t.underReplicated += 1;
    for (const b of p.outOfSync) t.brokers.add(b);
  }
  return [...byTopic.values()]
    .map(({ brokers, ...t }) => ({ ...t, outOfSyncBrokers: [...brokers].sort((a, b) => a - b) }))
    .sort((a, b) => b.offline - a.offline || b.underMinIsr - a.underMinIsr || b.partitions - a.partitions || (a.topic < b.topic ? -1 : 1));
}

export function brokerLoads(meta: ClusterMetadata): BrokerLoad[] {
  const loads = new Map<number, BrokerLoad>(
    meta.brokers.map((b) => [b.id, { id: b.id, online: b.online, leaders: 0, replicas: 0, preferredLeaders: 0, outOfSync: 0 }]),
  );
  for (const t of meta.topics) {
    for (const p of t.partitions) {
      const leader = loads.get(p.leader);
      if (leader?.online) leader.leaders += 1;
      const preferred = loads.get(p.replicas[0]);
      if (preferred) preferred.preferredLeaders += 1;
      for (const r of p.replicas) {
        const load = loads.get(r);
        if (!load) continue;
        load.replicas += 1;
        if (!p.isr.includes(r)) load.outOfSync += 1;
      }
    }
  }
  return [...loads.values()];
}
