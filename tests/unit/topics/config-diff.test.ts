import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyOps, describeChanges, diffOverrides, mergeOps } from '@/lib/topics/config-diff';

describe('diffOverrides', () => {
  it('sends only what differs: changed and new values set, missing ones reset', () => {
    const ops = diffOverrides(
      { 'retention.ms': '1000', 'cleanup.policy': 'compact', 'segment.ms': '5' },
      { 'retention.ms': '2000', 'cleanup.policy': 'compact', 'max.message.bytes': '10' },
    );
    assert.deepEqual(ops, [
      { name: 'max.message.bytes', op: 'set', value: '10' },
      { name: 'retention.ms', op: 'set', value: '2000' },
      { name: 'segment.ms', op: 'delete' },
    ]);
  });

  it('is empty when nothing changes, and applying the diff gives the desired set', () => {
    assert.deepEqual(diffOverrides({ a: '1' }, { a: '1' }), []);
    const current = { a: '1', b: '2' };
    const desired = { b: '3', c: '4' };
    assert.deepEqual(applyOps(current, diffOverrides(current, desired)), desired);
  });
});

describe('describeChanges', () => {
  const effective = { 'retention.ms': '1000', 'segment.ms': '604800000', 'cleanup.policy': 'delete' };
  const overrides = { 'retention.ms': '1000' };
  const defaults = { 'retention.ms': '604800000', 'segment.ms': '604800000', 'cleanup.policy': 'delete' };

  it('shows before and after, with the default a reset falls back to', () => {
    const changes = describeChanges(
      [
        { name: 'retention.ms', op: 'delete' },
        { name: 'segment.ms', op: 'set', value: '3600000' },
      ],
      effective,
      overrides,
      defaults,
    );
    assert.deepEqual(changes, [
      { name: 'retention.ms', kind: 'reset', before: '1000', after: '604800000' },
      { name: 'segment.ms', kind: 'added', before: '604800000', after: '3600000' },
    ]);
  });

  it('drops no-op changes: resetting a default, setting the same override', () => {
    const changes = describeChanges(
      [
        { name: 'cleanup.policy', op: 'delete' },
        { name: 'retention.ms', op: 'set', value: '1000' },
      ],
      effective,
      overrides,
      defaults,
    );
    assert.deepEqual(changes, []);
    assert.equal(describeChanges([{ name: 'retention.ms', op: 'set', value: '5' }], effective, overrides, defaults)[0].kind, 'changed');
  });
});

describe('mergeOps', () => {
  it('keeps one operation per config, the latest', () => {
    let ops = mergeOps([], { name: 'b', op: 'set', value: '1' });
    ops = mergeOps(ops, { name: 'a', op: 'delete' });
    ops = mergeOps(ops, { name: 'b', op: 'set', value: '2' });
    assert.deepEqual(ops, [{ name: 'a', op: 'delete' }, { name: 'b', op: 'set', value: '2' }]);
  });
});
