import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateHealth, lagGrowth, type HealthInput } from '@/lib/lag/health';

const now = 1_000_000;
const windowMs = 60_000;

function input(overrides: Partial<HealthInput>): HealthInput {
  return {
    state: 'Stable',
    members: 2,
    partitions: [{ topic: 't', partition: 0, lag: 10, lastMovedAt: now - 1_000, observedSince: now - 120_000 }],
    lagSeries: [],
    now,
    windowMs,
    ...overrides,
  };
}

describe('evaluateHealth', () => {
  it('is STOP when lag waits and no member is active', () => {
    const h = evaluateHealth(input({ state: 'Empty', members: 0 }));
    assert.equal(h.status, 'STOP');
    assert.match(h.reason, /No active members: 10 messages waiting/);
    assert.match(h.reason, /last moved 1 s ago/);
  });

  it('is OK for an empty group that has consumed everything', () => {
    const h = evaluateHealth(input({ state: 'Empty', members: 0, partitions: [{ topic: 't', partition: 0, lag: 0, lastMovedAt: null, observedSince: now }] }));
    assert.equal(h.status, 'OK');
  });

  it('is OK without committed offsets', () => {
    const h = evaluateHealth(input({ partitions: [{ topic: 't', partition: 0, lag: null, lastMovedAt: null, observedSince: now }] }));
    assert.deepEqual(h, { status: 'OK', reason: 'No committed offsets yet.' });
  });

  it('is STALL when a partition with lag has not moved for the whole window while members exist', () => {
    const h = evaluateHealth(
      input({
        partitions: [
          { topic: 't', partition: 0, lag: 5, lastMovedAt: now - 1_000, observedSince: now - 300_000 },
          { topic: 't', partition: 3, lag: 340, lastMovedAt: now - 180_000, observedSince: now - 300_000 },
        ],
      }),
    );
    assert.equal(h.status, 'STALL');
    assert.match(h.reason, /t-3 has not moved for 3 min while 340 messages wait/);
  });

  it('is not STALL before the partition was watched for a full window', () => {
    const h = evaluateHealth(input({ partitions: [{ topic: 't', partition: 0, lag: 50, lastMovedAt: null, observedSince: now - 10_000 }] }));
    assert.equal(h.status, 'OK');
  });

  it('counts a partition never seen moving from when it was first observed', () => {
    const h = evaluateHealth(input({ partitions: [{ topic: 't', partition: 1, lag: 50, lastMovedAt: null, observedSince: now - 90_000 }] }));
    assert.equal(h.status, 'STALL');
  });

  it('is WARN when lag keeps growing over the window', () => {
    const lagSeries = [100, 150, 140, 220, 300, 390].map((lag, i) => ({ t: now - 50_000 + i * 10_000, lag }));
    const h = evaluateHealth(input({ lagSeries, partitions: [{ topic: 't', partition: 0, lag: 390, lastMovedAt: now - 2_000, observedSince: now - 300_000 }] }));
    assert.equal(h.status, 'WARN');
    assert.match(h.reason, /100 → 390/);
  });

  it('is OK when lag touched zero within the window or is shrinking', () => {
    const touched = [0, 50, 100, 150].map((lag, i) => ({ t: now - 30_000 + i * 10_000, lag }));
    assert.equal(evaluateHealth(input({ lagSeries: touched })).status, 'OK');
    const shrinking = [400, 300, 200, 10].map((lag, i) => ({ t: now - 30_000 + i * 10_000, lag }));
    assert.equal(evaluateHealth(input({ lagSeries: shrinking })).status, 'OK');
  });

  it('is OK and says so when caught up', () => {
    const h = evaluateHealth(input({ partitions: [{ topic: 't', partition: 0, lag: 0, lastMovedAt: null, observedSince: now - 500_000 }] }));
    assert.deepEqual(h, { status: 'OK', reason: 'Caught up: no lag.' });
  });

  it('prefers STOP over STALL, and STALL over WARN', () => {
    const old = { topic: 't', partition: 0, lag: 99, lastMovedAt: now - 200_000, observedSince: now - 300_000 };
    const growing = [10, 20, 30, 40].map((lag, i) => ({ t: now - 30_000 + i * 10_000, lag }));
    assert.equal(evaluateHealth(input({ state: 'Empty', members: 0, partitions: [old], lagSeries: growing })).status, 'STOP');
    assert.equal(evaluateHealth(input({ partitions: [old], lagSeries: growing })).status, 'STALL');
  });
});

describe('lagGrowth', () => {
  it('needs three points inside the window', () => {
    assert.equal(lagGrowth([{ t: now - 10_000, lag: 1 }, { t: now, lag: 5 }], now, windowMs), null);
    const outside = [{ t: now - 500_000, lag: 1 }, { t: now - 20_000, lag: 2 }, { t: now, lag: 3 }];
    assert.equal(lagGrowth(outside, now, windowMs), null);
  });

  it('tolerates a dip but not a mostly flat series', () => {
    const dip = [10, 20, 15, 30, 40].map((lag, i) => ({ t: now - 40_000 + i * 10_000, lag }));
    assert.deepEqual(lagGrowth(dip, now, windowMs), { from: 10, to: 40, overMs: 40_000 });
    const flat = [10, 10, 10, 10, 11].map((lag, i) => ({ t: now - 40_000 + i * 10_000, lag }));
    assert.equal(lagGrowth(flat, now, windowMs), null);
  });
});
