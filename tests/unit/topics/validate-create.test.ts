import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicConfigCatalog } from '@/lib/topics/config-catalog';
import { validateNewTopic, type NewTopic } from '@/lib/topics/validate-create';

const known = new Set(topicConfigCatalog.map((c) => c.name));
const ok: NewTopic = { name: 'orders', partitions: 3, replicationFactor: 3, configs: {} };
const ctx = { liveBrokers: 3, knownConfigs: known, existingTopics: ['payments', 'metrics_cpu'] };

describe('validateNewTopic', () => {
  it('accepts a sound topic', () => {
    assert.deepEqual(validateNewTopic(ok, ctx).errors, {});
  });

  it('puts each problem on its field', () => {
    const { errors } = validateNewTopic(
      { name: 'bad name', partitions: 0, replicationFactor: 4, configs: { 'retention.ms': 'soon', 'retenion.ms': '1' } },
      ctx,
    );
    assert.match(errors.name, /may only contain/);
    assert.match(errors.partitions, /at least 1/);
    assert.match(errors.replicationFactor, /Only 3 brokers are live/);
    assert.match(errors['configs.retention.ms'], /whole number/);
    assert.match(errors['configs.retenion.ms'], /did you mean "retention.ms"/);
  });

  it('refuses an existing name and warns on a colliding one', () => {
    assert.match(validateNewTopic({ ...ok, name: 'payments' }, ctx).errors.name, /already exists/);
    const verdict = validateNewTopic({ ...ok, name: 'metrics.cpu' }, ctx);
    assert.equal(verdict.errors.name, undefined);
    assert.match(verdict.warnings.name[0], /Collides/);
  });

  it('refuses min.insync.replicas above the replication factor, warns when equal', () => {
    const above = validateNewTopic({ ...ok, replicationFactor: 2, configs: { 'min.insync.replicas': '3' } }, ctx);
    assert.match(above.errors['configs.min.insync.replicas'], /larger than the replication factor \(2\)/);
    const equal = validateNewTopic({ ...ok, configs: { 'min.insync.replicas': '3' } }, ctx);
    assert.equal(equal.errors['configs.min.insync.replicas'], undefined);
    assert.match(equal.warnings['configs.min.insync.replicas'][0], /stop whenever one replica is down/);
  });

  it('judges the cluster default min.insync.replicas too, as a warning', () => {
    const verdict = validateNewTopic({ ...ok, replicationFactor: 1 }, { ...ctx, defaults: new Map([['min.insync.replicas', '2']]) });
    assert.deepEqual(verdict.errors, {});
    assert.ok(verdict.warnings.replicationFactor.some((w) => /cluster default min.insync.replicas \(2\)/.test(w)));
  });

  it('checks whole numbers and bounds', () => {
    assert.match(validateNewTopic({ ...ok, partitions: 1.5 }, ctx).errors.partitions, /whole number/);
    assert.match(validateNewTopic({ ...ok, partitions: 10_001 }, ctx).errors.partitions, /at most 10000/);
    assert.match(validateNewTopic({ ...ok, replicationFactor: Number.NaN }, ctx).errors.replicationFactor, /whole number/);
    assert.ok(validateNewTopic({ ...ok, partitions: 2000 }, ctx).warnings.partitions);
    assert.ok(validateNewTopic({ ...ok, replicationFactor: 1 }, ctx).warnings.replicationFactor);
  });

  it('warns when nothing limits retention, and when retention.bytes is below a segment', () => {
    const forever = validateNewTopic({ ...ok, configs: { 'retention.ms': '-1' } }, ctx);
    assert.match(forever.warnings['configs.retention.ms'][0], /grows until the disk is full/);
    const small = validateNewTopic({ ...ok, configs: { 'retention.bytes': '1000', 'segment.bytes': '1048576' } }, ctx);
    assert.match(small.warnings['configs.retention.bytes'][0], /smaller than one segment/);
  });

  it('without a known-config list, checks values of known names only', () => {
    const { errors } = validateNewTopic({ ...ok, configs: { 'vendor.custom': 'x', 'cleanup.policy': 'shred' } }, { liveBrokers: 3 });
    assert.equal(errors['configs.vendor.custom'], undefined);
    assert.match(errors['configs.cleanup.policy'], /Unknown value shred/);
  });
});
