import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDuration } from '@/lib/lag/duration';
import { planReset, planTotals, type ResetPartitionInput } from '@/lib/lag/reset-plan';

const p = (committed: number | null, logStart: number, logEnd: number, offsetForTime?: number | null): ResetPartitionInput => ({
  topic: 'orders',
  partition: 0,
  committed,
  logStart,
  logEnd,
  offsetForTime,
});

describe('planReset', () => {
  it('earliest goes to the log start and counts replayed messages', () => {
    const [row] = planReset([p(80, 10, 100)], { type: 'earliest' });
    assert.deepEqual(row, { topic: 'orders', partition: 0, current: 80, target: 10, logStart: 10, logEnd: 100, delta: -70, note: null });
  });

  it('latest goes to the log end and counts skipped messages', () => {
    const [row] = planReset([p(80, 10, 100)], { type: 'latest' });
    assert.equal(row.target, 100);
    assert.equal(row.delta, 20);
  });

  it('timestamp uses the offset for that time, and the end when no message is that new', () => {
    const rows = planReset([p(80, 10, 100, 42), p(80, 10, 100, null), p(80, 10, 100, -1)], { type: 'timestamp', timestamp: 1 });
    assert.deepEqual(rows.map((r) => r.target), [42, 100, 100]);
    assert.match(rows[1].note ?? '', /No message at or after/);
  });

  it('exact offset is clamped into the log with a note', () => {
    const rows = planReset([p(50, 10, 100), p(50, 10, 100), p(50, 10, 100)].map((x, i) => ({ ...x, partition: i })), { type: 'offset', offset: 60 });
    assert.equal(rows[0].target, 60);
    const [low] = planReset([p(50, 10, 100)], { type: 'offset', offset: 3 });
    assert.equal(low.target, 10);
    assert.match(low.note ?? '', /before the log start: clamped to 10/);
    const [high] = planReset([p(50, 10, 100)], { type: 'offset', offset: 500 });
    assert.equal(high.target, 100);
    assert.match(high.note ?? '', /past the log end: clamped to 100/);
  });

  it('shift moves by N both ways, clamped, and from the log start without a commit', () => {
    assert.equal(planReset([p(50, 10, 100)], { type: 'shift', by: -15 })[0].target, 35);
    assert.equal(planReset([p(50, 10, 100)], { type: 'shift', by: 15 })[0].target, 65);
    assert.equal(planReset([p(50, 10, 100)], { type: 'shift', by: -500 })[0].target, 10);
    assert.equal(planReset([p(50, 10, 100)], { type: 'shift', by: 500 })[0].target, 100);
    const [none] = planReset([p(null, 10, 100)], { type: 'shift', by: 5 });
    assert.equal(none.target, 15);
    assert.equal(none.delta, null);
    assert.match(none.note ?? '', /No committed offset/);
  });

  it('counts neither deleted nor non-existent messages as skipped or replayed', () => {
    assert.equal(planReset([p(5, 50, 80)], { type: 'earliest' })[0].delta, 0);
    assert.equal(planReset([p(200, 50, 80)], { type: 'latest' })[0].delta, 0);
    assert.equal(planReset([p(200, 50, 80)], { type: 'earliest' })[0].delta, -30);
  });

  it('handles empty partitions', () => {
    const [row] = planReset([p(0, 0, 0)], { type: 'earliest' });
    assert.deepEqual([row.target, row.delta], [0, 0]);
  });

  it('sums skipped and replayed separately', () => {
    const rows = planReset([p(50, 0, 100), { ...p(90, 0, 100), partition: 1 }], { type: 'offset', offset: 70 });
    assert.deepEqual(planTotals(rows), { skipped: 20, replayed: 20 });
  });
});

describe('parseDuration', () => {
  it('reads ISO-8601 durations and milliseconds', () => {
    assert.equal(parseDuration('PT15M'), 900_000);
    assert.equal(parseDuration('P1D'), 86_400_000);
    assert.equal(parseDuration('PT1H30M'), 5_400_000);
    assert.equal(parseDuration('pt45s'), 45_000);
    assert.equal(parseDuration(2500), 2500);
  });

  it('rejects what is not a positive duration', () => {
    for (const bad of ['', 'P', 'PT', '15m', 'PT0S', 'P1H']) assert.equal(parseDuration(bad), null, bad);
    assert.equal(parseDuration(0), null);
    assert.equal(parseDuration(-5), null);
  });
});
