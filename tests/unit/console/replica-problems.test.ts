import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClusterMetadata, TopicMeta } from '@/lib/kafka/metadata';
import { brokerLoads, problemPartitions } from '@/lib/kafka/topics/replicas';

function meta(topics: TopicMeta[], online = [1, 2, 3]): ClusterMetadata {
  const ids = new Set([1, 2, 3]);
  return {
    kafkaClusterId: 'c',
    controllerId: 1,
    brokers: [...ids].map((id) => ({ id, host: 'h', port: 9092 + id, rack: null, online: online.includes(id) })),
    onlineBrokerIds: new Set(online),
    topics,
    topicsByName: new Map(topics.map((t) => [t.name, t])),
    fetchedAt: 0,
  };
}

const p = (partition: number, leader: number, replicas: number[], isr: number[]) => ({
  partition,
  leader,
  leaderEpoch: 0,
  replicas,
  isr,
  offlineReplicas: [],
  errorCode: 0,
});

test('classifies offline, under-min-ISR and under-replicated partitions, worst first', () => {
  const m = meta(
    [
      { name: 'a', topicId: null, internal: false, partitions: [p(0, 1, [1, 2, 3], [1, 2, 3]), p(1, 1, [1, 2, 3], [1, 3])] },
      { name: 'b', topicId: null, internal: false, partitions: [p(0, -1, [2], []), p(1, 3, [3, 2, 1], [3])] },
    ],
    [1, 3],
  );
  const problems = problemPartitions(m, (t) => (t === 'b' ? 2 : 1));
  assert.deepEqual(
    problems.map((x) => [x.topic, x.partition, x.problems]),
    [
      ['b', 0, ['offline', 'under-min-isr', 'under-replicated']],
      ['b', 1, ['under-min-isr', 'under-replicated']],
      ['a', 1, ['under-replicated']],
    ],
  );
  assert.deepEqual(problems[2].outOfSync, [2]);
  assert.deepEqual(problems[2].offlineReplicas, [2]);
});

test('a leader that is no longer online makes the partition offline', () => {
  const m = meta([{ name: 'a', topicId: null, internal: false, partitions: [p(0, 2, [2, 1], [2, 1])] }], [1, 3]);
  assert.deepEqual(problemPartitions(m, () => null)[0].problems, ['offline']);
});

test('counts leaders, replicas and preferred leaders per broker; offline brokers lead nothing', () => {
  const m = meta(
    [{ name: 'a', topicId: null, internal: false, partitions: [p(0, 1, [1, 2], [1, 2]), p(1, 1, [2, 1], [1]), p(2, 2, [2, 3], [2, 3])] }],
    [1, 3],
  );
  const loads = new Map(brokerLoads(m).map((l) => [l.id, l]));
  assert.deepEqual(loads.get(1), { id: 1, online: true, leaders: 2, replicas: 2, preferredLeaders: 1, outOfSync: 0 });
  assert.deepEqual(loads.get(2), { id: 2, online: false, leaders: 0, replicas: 3, preferredLeaders: 2, outOfSync: 1 });
  assert.equal(loads.get(3)?.replicas, 1);
});

test('a leaderless single-replica partition is under min ISR, as kafka-topics.sh --under-min-isr-partitions lists it', () => {
  // Kafka keeps the last ISR member of a partition whose only replica's broker died: ISR [2], no leader.
  const m = meta([{ name: 'single', topicId: null, internal: false, partitions: [p(0, -1, [2], [2]), p(1, 1, [1], [1])] }], [1, 3]);
  const problems = problemPartitions(m, () => 1);
  assert.deepEqual(problems.map((x) => [x.partition, x.problems]), [[0, ['offline', 'under-min-isr']]]);
});
