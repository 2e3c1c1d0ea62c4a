import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTED, redactMessage, redactParameters, sensitiveValues } from '@/lib/server/audit-redact';

describe('redactParameters', () => {
  it('masks secrets by key name at any depth, keeps the rest', () => {
    const out = redactParameters({
      password: 'hunter2',
      sasl: { username: 'u', password: 'p' },
      configs: { 'retention.ms': '1000', 'ssl.key.password': 'secret', 'sasl.jaas.config': 'x' },
      nested: [{ apiKey: 'k', token: 't', name: 'visible' }],
    });
    assert.deepEqual(out, {
      password: REDACTED,
      sasl: REDACTED,
      configs: { 'retention.ms': '1000', 'ssl.key.password': REDACTED, 'sasl.jaas.config': REDACTED },
      nested: [{ apiKey: REDACTED, token: REDACTED, name: 'visible' }],
    });
  });

  it('masks configs the broker marks sensitive even with harmless names', () => {
    const out = redactParameters({ set: { 'custom.thing': 'v', 'retention.ms': '1' } }, new Set(['custom.thing'])) as { set: Record<string, string> };
    assert.equal(out.set['custom.thing'], REDACTED);
    assert.equal(out.set['retention.ms'], '1');
  });

  it('caps long strings, long arrays, depth and total size', () => {
    const long = redactParameters({ value: 'x'.repeat(5000) }) as { value: string };
    assert.ok(long.value.length < 1100 && long.value.endsWith('(5000 chars)'));
    const many = redactParameters({ list: Array.from({ length: 500 }, (_, i) => i) }) as { list: unknown[] };
    assert.equal(many.list.length, 201);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = { d: deep };
    assert.match(JSON.stringify(redactParameters(deep)), /nested too deep/);
    const huge = redactParameters({ rows: Array.from({ length: 150 }, () => 'y'.repeat(900)) }) as { truncated?: boolean };
    assert.equal(huge.truncated, true);
  });
});

describe('redactMessage', () => {
  it('masks secret values a broker message quotes back', () => {
    const params = { configs: { 'ssl.truststore.password': 'topsecret', 'retention.ms': 'abc' } };
    const secrets = sensitiveValues(params);
    assert.deepEqual(secrets, ['topsecret']);
    assert.equal(
      redactMessage('Invalid value topsecret for configuration ssl.truststore.password', secrets),
      `Invalid value ${REDACTED} for configuration ssl.truststore.password`,
    );
    assert.equal(redactMessage(undefined), undefined);
  });
});
