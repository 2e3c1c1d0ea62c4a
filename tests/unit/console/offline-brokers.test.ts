import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BrokerNode, type TopicMeta, withOfflineBrokers } from '@/lib/kafka/metadata';

// A broker missing from Metadata is an outage only while partitions still name it as a replica.

const node = (id: number): BrokerNode => ({ id, host: `b${id}`, port: 9092, rack: null, online: true });
const topic = (replicas: number[]): TopicMeta => ({
  name: 't',
  topicId: null,
  internal: false,
  partitions: [{ partition: 0, leader: replicas[0], leaderEpoch: 0, replicas, isr: replicas, offlineReplicas: [], errorCode: 0 }],
});
const view = (brokers: BrokerNode[]) => brokers.map((b) => [b.id, b.online, b.host]);

test('a stopped replica stays listed offline with its last address', () => {
  const cluster = 'offline-replica';
  withOfflineBrokers(cluster, [node(1), node(2), node(3)], [topic([1, 2, 3])]);
  const after = withOfflineBrokers(cluster, [node(1), node(3)], [topic([1, 2, 3])]);
  assert.deepEqual(view(after), [[1, true, 'b1'], [2, false, 'b2'], [3, true, 'b3']]);
});

test('a broker no partition names any more is forgotten, not offline forever', () => {
  const cluster = 'decommissioned';
  withOfflineBrokers(cluster, [node(1), node(2), node(3)], [topic([1, 2, 3])]);
  assert.deepEqual(view(withOfflineBrokers(cluster, [node(1), node(2)], [topic([1, 2])])), [[1, true, 'b1'], [2, true, 'b2']]);
  // Forgotten for good: naming it again later (a new replica assignment) has no stale address.
  assert.deepEqual(view(withOfflineBrokers(cluster, [node(1), node(2)], [topic([1, 2, 3])])), [[1, true, 'b1'], [2, true, 'b2'], [3, false, null]]);
});
