/**
 * Metadata (key 3), v0-12. Lists live brokers, the controller, cluster id and each topic's
 * partitions with leader, leader epoch, replicas, ISR and offline replicas; a partition without
 * a leader carries LEADER_NOT_AVAILABLE. v0 asks for all topics with an empty list, v1+ with
 * null; v10+ may name topics by id. Unknown topics are created only when auto-creation is on
 * and the request allows it. All-topics answers are cached encoded until metadata changes.
 */
import { Metadata, type MetadataRequest, type MetadataResponse, type MetadataResponsePartition, type MetadataResponseTopic } from '@/lib/protocol/generated';
import { ZERO_UUID } from '@/lib/protocol/codec-runtime';
import type { DevCluster } from '../cluster';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import type { Topic } from '../state/topic';
import { validateTopicName } from '../state/topic-name';
import { acceptEncoded, encodeBody, type EncodedBody } from './encoded';
import { defineHandler } from './types';

const AUTH_OPS_UNSET = -2147483648;
const codec = acceptEncoded(Metadata);
const cache = new WeakMap<DevCluster, { version: number; bodies: Map<number, EncodedBody> }>();

function describeTopic(cluster: DevCluster, t: Topic): MetadataResponseTopic {
  const partitions: MetadataResponsePartition[] = t.partitions.map((p) => ({
    errorCode: p.offline ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE,
    partitionIndex: p.index,
    leaderId: p.leader,
    leaderEpoch: p.leaderEpoch,
    replicaNodes: p.replicas,
    isrNodes: p.isr,
    offlineReplicas: p.replicas.filter((r) => !cluster.isLive(r)),
  }));
  return { errorCode: ErrorCode.NONE, name: t.name, topicId: t.topicId, isInternal: t.internal, partitions, topicAuthorizedOperations: AUTH_OPS_UNSET };
}

function topicError(code: number, name: string | null, topicId = ZERO_UUID): MetadataResponseTopic {
  return { errorCode: code, name, topicId, isInternal: false, partitions: [], topicAuthorizedOperations: AUTH_OPS_UNSET };
}

function lookup(cluster: DevCluster, req: MetadataRequest, version: number, name: string | null, topicId: string | undefined): MetadataResponseTopic {
  if (name === null) {
    const t = topicId ? cluster.topicsById.get(topicId) : undefined;
    return t ? describeTopic(cluster, t) : topicError(ErrorCode.UNKNOWN_TOPIC_ID, null, topicId ?? ZERO_UUID);
  }
  let t = cluster.topics.get(name);
  if (!t) {
    try {
      validateTopicName(name);
    } catch (err) {
      return topicError((err as KafkaError).code, name);
    }
    const allowed = version < 4 || req.allowAutoTopicCreation !== false;
    if (allowed && cluster.autoCreate(name)) t = cluster.topics.get(name);
  }
  return t ? describeTopic(cluster, t) : topicError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name);
}

export const metadataHandler = defineHandler({
  codec,
  minVersion: 0,
  maxVersion: 12,
  handle({ cluster }, req, version): MetadataResponse | EncodedBody {
    const all = req.topics === null || (version === 0 && req.topics.length === 0);
    let entry = cache.get(cluster);
    if (all && entry?.version === cluster.metadataVersion) {
      const hit = entry.bodies.get(version);
      if (hit) return hit;
    }
    const brokers = cluster.liveBrokerIds().sort((a, b) => a - b).map((id) => {
      const b = cluster.brokerInfo(id)!;
      return { nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack };
    });
    const topics = all
      ? [...cluster.topics.values()].map((t) => describeTopic(cluster, t))
      : (req.topics ?? []).map((rt) => lookup(cluster, req, version, rt.name, rt.topicId));
    const response: MetadataResponse = {
      throttleTimeMs: 0,
      brokers,
      clusterId: cluster.clusterId,
      controllerId: cluster.controllerId(),
      topics,
      clusterAuthorizedOperations: AUTH_OPS_UNSET,
    };
    if (!all) return response;
    if (entry?.version !== cluster.metadataVersion) {
      entry = { version: cluster.metadataVersion, bodies: new Map() };
      cache.set(cluster, entry);
    }
    const body = encodeBody(Metadata, version, response);
    entry.bodies.set(version, body);
    return body;
  },
});
