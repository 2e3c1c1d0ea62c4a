import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brokerError, configNameIn, fieldForTopicError } from '@/lib/kafka/topics/errors';

describe('broker errors', () => {
  it('names the field a CreateTopics error concerns', () => {
    assert.equal(fieldForTopicError(36, null, []), 'name');
    assert.equal(fieldForTopicError(17, 'Topic collides', []), 'name');
    assert.equal(fieldForTopicError(37, null, []), 'partitions');
    assert.equal(fieldForTopicError(38, null, []), 'replicationFactor');
    assert.equal(fieldForTopicError(40, 'Invalid value x for configuration segment.ms: bad', ['segment.ms', 'retention.ms']), 'configs.segment.ms');
    assert.equal(fieldForTopicError(40, 'something vague', ['segment.ms']), 'configs');
    assert.equal(fieldForTopicError(44, 'Policy says no', []), undefined);
  });

  it('prefers the longest config name the message mentions, and respects word edges', () => {
    assert.equal(configNameIn('bad retention.ms.', ['retention.ms']), 'retention.ms');
    assert.equal(configNameIn('local.retention.ms is wrong', ['retention.ms', 'local.retention.ms']), 'local.retention.ms');
    assert.equal(configNameIn('local.retention.ms is wrong', ['retention.ms']), undefined);
  });

  it("keeps the broker's own message, a fitting status and the field", () => {
    const e = brokerError(40, 'Invalid value x for configuration segment.ms', 'configs.segment.ms');
    assert.equal(e.status, 422);
    assert.match(e.message, /Invalid value x for configuration segment.ms/);
    assert.deepEqual(e.fieldErrors, { 'configs.segment.ms': 'Invalid value x for configuration segment.ms' });
    assert.equal(brokerError(36, null, 'name').status, 409);
    assert.equal(brokerError(3, null).status, 404);
    assert.equal(brokerError(7, null).status, 504);
  });
});
