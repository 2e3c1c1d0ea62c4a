import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignReplicas } from '@/lib/devcluster/state/assignment';
import { collisionKey, validateTopicName } from '@/lib/devcluster/state/topic-name';
import { KafkaError } from '@/lib/devcluster/errors';
import { ErrorCode } from '@/lib/protocol/errors';

describe('replica assignment (Kafka rack-unaware)', () => {
  it('matches Kafka for a fixed start index and shift', () => {
    // Kafka's AdminUtils with startIndex 0 and nextReplicaShift 0 over brokers 0..4 yields this layout.
    const random = () => 0;
    const got = assignReplicas([0, 1, 2, 3, 4], 10, 3, { random });
    assert.deepEqual(got, [
      [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 0], [4, 0, 1],
      [0, 2, 3], [1, 3, 4], [2, 4, 0], [3, 0, 1], [4, 1, 2],
    ]);
  });

  it('spreads leaders and replicas evenly', () => {
    const got = assignReplicas([1, 2, 3], 300, 2);
    const leaders = new Map<number, number>();
    for (const r of got) {
      assert.equal(new Set(r).size, 2);
      leaders.set(r[0], (leaders.get(r[0]) ?? 0) + 1);
    }
    assert.deepEqual([...leaders.values()], [100, 100, 100]);
  });

  it('refuses a replication factor above the live brokers', () => {
    assert.throws(() => assignReplicas([1, 2], 1, 3), (e: unknown) => e instanceof KafkaError && e.code === ErrorCode.INVALID_REPLICATION_FACTOR && /larger than available brokers: 2/.test(e.message));
  });
});

describe('topic names', () => {
  it('accepts Kafka-legal names', () => {
    for (const n of ['a', 'orders.v1', 'my_topic-2', 'x'.repeat(249)]) validateTopicName(n);
  });
  it('rejects illegal names with INVALID_TOPIC_EXCEPTION', () => {
    for (const n of ['', '.', '..', 'has space', 'ümlaut', 'slash/', 'x'.repeat(250)]) {
      assert.throws(() => validateTopicName(n), (e: unknown) => e instanceof KafkaError && e.code === ErrorCode.INVALID_TOPIC_EXCEPTION, n);
    }
  });
  it('treats . and _ as colliding', () => {
    assert.equal(collisionKey('a.b'), collisionKey('a_b'));
  });
});
