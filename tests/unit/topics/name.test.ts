import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collidingTopics, collisionKey, topicNameError, topicNameWarnings, TOPIC_NAME_MAX_LENGTH } from '@/lib/topics/name';

describe('topicNameError', () => {
  it('accepts the characters Kafka allows', () => {
    for (const name of ['orders', 'a', 'orders.v1', 'orders_v1', 'orders-v1', 'ABC.def_123-x', '...a', '-', '_']) {
      assert.equal(topicNameError(name), null, name);
    }
  });

  it('refuses an empty name, "." and ".."', () => {
    assert.match(topicNameError('')!, /required/);
    assert.match(topicNameError('.')!, /cannot be "\." or "\.\."/);
    assert.match(topicNameError('..')!, /cannot be "\." or "\.\."/);
  });

  it('allows exactly 249 characters and refuses 250', () => {
    assert.equal(topicNameError('a'.repeat(TOPIC_NAME_MAX_LENGTH)), null);
    assert.match(topicNameError('a'.repeat(250))!, /250 characters long; Kafka allows at most 249/);
  });

  it('names the offending characters', () => {
    assert.match(topicNameError('orders v1')!, /a space/);
    assert.match(topicNameError('orders/v1')!, /'\/'/);
    assert.match(topicNameError('ordérs')!, /'é'/);
    assert.match(topicNameError('a\u0000b')!, /U\+0000/);
    assert.match(topicNameError('a:b:c')!, /found ':'\)/, 'each character is named once');
  });
});

describe('collisions', () => {
  it("treats '.' and '_' alike", () => {
    assert.equal(collisionKey('a.b_c'), 'a_b_c');
    assert.deepEqual(collidingTopics('a.b', ['a_b', 'a.b', 'a-b', 'x']), ['a_b']);
    assert.deepEqual(collidingTopics('a_b', ['a.b']), ['a.b']);
    assert.deepEqual(collidingTopics('a.b', ['a.b']), [], 'the same name is not a collision (it is a duplicate)');
  });

  it('warns about collisions, internal-looking names and mixed separators', () => {
    const [collision] = topicNameWarnings('metrics.cpu', ['metrics_cpu']);
    assert.match(collision, /Collides with existing topic "metrics_cpu"/);
    assert.ok(topicNameWarnings('__mine', []).some((w) => /internal topics/.test(w)));
    assert.ok(topicNameWarnings('a.b_c', []).some((w) => /Mixing/.test(w)));
    assert.deepEqual(topicNameWarnings('plain-name', ['other']), []);
  });
});
