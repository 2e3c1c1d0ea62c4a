import 'server-only';
import { fieldError, notFound } from '@/lib/api/errors';
import type { BrokerLeaders, ElectionCandidate, ElectionPreview, ElectionResult, ElectionScope } from '@/lib/api/leader-election';
import { ELECTION_CANDIDATES_SHOWN } from '@/lib/api/leader-election';
import { KAFKA_VERSION_INTRODUCING } from '@/lib/protocol/api-requirements';
import { ErrorCode, kafkaErrorInfo } from '@/lib/protocol/errors';
import { ElectLeaders } from '@/lib/protocol/generated';
import { invalidate } from '../cache';
import { cacheKeys } from '../cache-keys';
import { callController } from '../controller';
import { kafkaApiError } from '../errors';
import { getMetadata, isLeaderless, type ClusterMetadata, type TopicMeta } from '../metadata';
import { clusterRpc } from '../protocol-pool';

// Preferred leader election, as kafka-leader-election.sh --election-type PREFERRED: the preview
// lists the partitions not led by their first replica and whether an election can move them
// (the preferred replica must be online and in sync), with leaders per broker before and after.
// Only eligible partitions are sent, in chunks, to the controller.

const PREFERRED = 0;
const PARTITIONS_PER_REQUEST = 2000;
const ELECTION_TIMEOUT_MS = 30_000;

type Visible = ((topic: string) => boolean) | undefined;

export async function previewElection(clusterId: string, scope: ElectionScope, visibleTopic: Visible): Promise<ElectionPreview> {
  const [meta, supported] = await Promise.all([getMetadata(clusterId, true), (await clusterRpc(clusterId)).supports(ElectLeaders)]);
  const candidates = candidatesIn(meta, scope, visibleTopic);
  return {
    supported,
    needsKafka: supported ? null : KAFKA_VERSION_INTRODUCING.ElectLeaders,
    candidates: candidates.slice(0, ELECTION_CANDIDATES_SHOWN),
    offPreferred: candidates.length,
    eligible: candidates.filter((c) => c.eligible).length,
    brokers: leadersPerBroker(meta, candidates),
  };
}

export async function runElection(clusterId: string, scope: ElectionScope, visibleTopic: Visible): Promise<ElectionResult> {
  const eligible = candidatesIn(await getMetadata(clusterId, true), scope, visibleTopic).filter((c) => c.eligible);
  const result: ElectionResult = { elected: [], notNeeded: 0, failed: [], brokers: [] };
  for (let i = 0; i < eligible.length; i += PARTITIONS_PER_REQUEST) {
    const chunk = eligible.slice(i, i + PARTITIONS_PER_REQUEST);
    const response = await callController(
      clusterId,
      ElectLeaders,
      { electionType: PREFERRED, topicPartitions: byTopic(chunk), timeoutMs: ELECTION_TIMEOUT_MS },
      (r) => [r.errorCode ?? ErrorCode.NONE, ...r.replicaElectionResults.flatMap((t) => t.partitionResult.map((p) => p.errorCode))],
    );
    if (response.errorCode) throw kafkaApiError(response.errorCode, `The controller refused the election: ${kafkaErrorInfo(response.errorCode).message}`);
    const preferredOf = new Map(chunk.map((c) => [`${c.topic}\u0000${c.partition}`, c.preferred]));
    for (const t of response.replicaElectionResults) {
      for (const p of t.partitionResult) {
        if (p.errorCode === ErrorCode.NONE) result.elected.push({ topic: t.topic, partition: p.partitionId, leader: preferredOf.get(`${t.topic}\u0000${p.partitionId}`) ?? -1 });
        else if (p.errorCode === ErrorCode.ELECTION_NOT_NEEDED) result.notNeeded++;
        else result.failed.push({ topic: t.topic, partition: p.partitionId, error: p.errorMessage || kafkaErrorInfo(p.errorCode).message });
      }
    }
  }
  invalidate(cacheKeys.cluster(clusterId));
  result.brokers = leadersPerBroker(await getMetadata(clusterId, true), []);
  return result;
}

/** The off-preferred partitions in the scope, eligible ones first (pure; exported for tests). */
export function candidatesIn(meta: ClusterMetadata, scope: ElectionScope, visibleTopic: Visible): ElectionCandidate[] {
  const topics = scopeTopics(meta, scope, visibleTopic);
  const out: ElectionCandidate[] = [];
  for (const t of topics) {
    for (const p of t.partitions) {
      if (scope.scope === 'partition' && p.partition !== scope.partition) continue;
      const preferred = p.replicas[0];
      // A partition without a leader is offline, not off-preferred: an election needs its preferred replica in sync.
      if (preferred === undefined || p.leader === preferred || isLeaderless(p, meta)) continue;
      const online = meta.onlineBrokerIds.has(preferred);
      const inSync = p.isr.includes(preferred);
      const reason = !online ? `Broker ${preferred} is offline.` : !inSync ? `Broker ${preferred} is not in the ISR.` : null;
      out.push({ topic: t.name, partition: p.partition, leader: p.leader, preferred, eligible: reason === null, reason });
    }
  }
  return out.sort((a, b) => Number(b.eligible) - Number(a.eligible) || a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

function scopeTopics(meta: ClusterMetadata, scope: ElectionScope, visibleTopic: Visible): TopicMeta[] {
  if (scope.scope === 'off-preferred') return meta.topics.filter((t) => !visibleTopic || visibleTopic(t.name));
  const topic = meta.topicsByName.get(scope.topic);
  if (!topic || (visibleTopic && !visibleTopic(scope.topic))) throw notFound(`Topic "${scope.topic}" does not exist.`);
  if (scope.scope === 'partition' && !topic.partitions.some((p) => p.partition === scope.partition)) {
    throw fieldError('partition', `"${scope.topic}" has no partition ${scope.partition} (it has ${topic.partitions.length}).`);
  }
  return [topic];
}

/** Leaders per broker now, and after the eligible candidates move to their preferred replica. */
export function leadersPerBroker(meta: ClusterMetadata, candidates: readonly ElectionCandidate[]): BrokerLeaders[] {
  const rows = new Map<number, BrokerLeaders>(
    meta.brokers.map((b) => [b.id, { id: b.id, online: b.online, preferredLeaders: 0, leadersBefore: 0, leadersAfter: 0 }]),
  );
  for (const t of meta.topics) {
    for (const p of t.partitions) {
      const preferred = rows.get(p.replicas[0]);
      if (preferred) preferred.preferredLeaders++;
      const leader = isLeaderless(p, meta) ? undefined : rows.get(p.leader);
      if (leader) {
        leader.leadersBefore++;
        leader.leadersAfter++;
      }
    }
  }
  for (const c of candidates) {
    if (!c.eligible) continue;
    const from = rows.get(c.leader);
    if (from) from.leadersAfter--;
    const to = rows.get(c.preferred);
    if (to) to.leadersAfter++;
  }
  return [...rows.values()].sort((a, b) => a.id - b.id);
}

function byTopic(candidates: readonly ElectionCandidate[]): { topic: string; partitions: number[] }[] {
  const map = new Map<string, number[]>();
  for (const c of candidates) {
    const list = map.get(c.topic);
    if (list) list.push(c.partition);
    else map.set(c.topic, [c.partition]);
  }
  return [...map].map(([topic, partitions]) => ({ topic, partitions }));
}
