import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configValueError, suggestConfigName, topicDefaultsFromBroker } from '@/lib/topics/config-catalog';

describe('configValueError', () => {
  it('checks types and bounds like Kafka', () => {
    assert.equal(configValueError('retention.ms', '-1'), null);
    assert.match(configValueError('retention.ms', '-2')!, /at least -1/);
    assert.match(configValueError('segment.bytes', '10')!, /at least 14/);
    assert.match(configValueError('max.message.bytes', '3000000000')!, /32-bit/);
    assert.match(configValueError('min.cleanable.dirty.ratio', '1.5')!, /at most 1/);
    assert.match(configValueError('preallocate', 'yes')!, /true or false/);
    assert.equal(configValueError('cleanup.policy', 'compact, delete'), null);
    assert.match(configValueError('cleanup.policy', '')!, /at least one/);
    assert.match(configValueError('compression.type', 'brotli')!, /one of/);
    assert.equal(configValueError('not.a.topic.config', 'anything'), null);
  });
});

describe('suggestConfigName', () => {
  it('finds a near miss and nothing for a far one', () => {
    const names = ['retention.ms', 'retention.bytes', 'segment.ms'];
    assert.equal(suggestConfigName('retension.ms', names), 'retention.ms');
    assert.equal(suggestConfigName('Retention.Bytes', names), 'retention.bytes');
    assert.equal(suggestConfigName('compression.level', names), undefined);
  });
});

describe('topicDefaultsFromBroker', () => {
  it('follows the synonym chain with unit factors, as Kafka does', () => {
    const d = topicDefaultsFromBroker(new Map([['log.retention.ms', null], ['log.retention.minutes', null], ['log.retention.hours', '24'], ['log.roll.ms', '600000']]));
    assert.equal(d.get('retention.ms'), '86400000');
    assert.equal(d.get('segment.ms'), '600000');
    assert.equal(d.get('cleanup.policy'), 'delete', 'Kafka default when the broker says nothing');
    const minutes = topicDefaultsFromBroker(new Map([['log.retention.minutes', '30'], ['log.retention.hours', '168']]));
    assert.equal(minutes.get('retention.ms'), '1800000', 'minutes win over hours');
    assert.equal(topicDefaultsFromBroker(new Map([['log.retention.hours', '-1']])).get('retention.ms'), '-1');
  });
});
