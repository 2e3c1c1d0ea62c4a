import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeriesStore } from '@/lib/history/series-store';

// The rings behind the history charts: full resolution for the last hour, one-minute means
// beyond, gaps as null, and a memory size fixed by the capacity.

const HOUR = 60 * 60_000;
const T0 = Date.UTC(2026, 0, 1);

describe('SeriesStore', () => {
  it('answers every sample of the last hour, with null for a sample that had no value', () => {
    const store = new SeriesStore({ intervalMs: 10_000 });
    store.record(T0, new Map([['a', 1]]));
    store.record(T0 + 10_000, new Map([['a', null]]));
    store.record(T0 + 20_000, new Map());
    store.record(T0 + 30_000, new Map([['a', 4]]));
    const { stepMs, points } = store.read('a', T0 - HOUR / 2, T0 + HOUR / 2);
    assert.equal(stepMs, 10_000);
    assert.deepEqual(points, [
      [T0, 1],
      [T0 + 10_000, null],
      [T0 + 20_000, null],
      [T0 + 30_000, 4],
    ]);
    assert.equal(store.dataSince('a'), T0);
    assert.equal(store.dataSince('b'), null);
    assert.deepEqual(store.read('b', T0, T0 + HOUR), { stepMs: 10_000, points: [] });
  });

  it('a series that starts later has no points before it started', () => {
    const store = new SeriesStore({ intervalMs: 10_000 });
    store.record(T0, new Map([['a', 1]]));
    store.record(T0 + 10_000, new Map([['a', 2], ['b', 7]]));
    assert.deepEqual(store.read('b', T0 - 1, T0 + 20_000).points, [[T0 + 10_000, 7]]);
    assert.equal(store.dataSince('b'), T0 + 10_000);
  });

  it('keeps only the last hour at full resolution: older samples are overwritten', () => {
    const store = new SeriesStore({ intervalMs: 60_000 });
    for (let i = 0; i < 200; i++) store.record(T0 + i * 60_000, new Map([['a', i]]));
    const now = T0 + 199 * 60_000;
    const { points } = store.read('a', now - HOUR, now);
    assert.equal(points.length, 61);
    assert.deepEqual(points.at(-1), [now, 199]);
    assert.deepEqual(points[0], [now - HOUR, 139]);
  });

  it('beyond an hour answers one-minute means, the open minute last', () => {
    const store = new SeriesStore({ intervalMs: 10_000 });
    // Minute 0: 1..6 (mean 3.5); minute 1: 10 and a gap; minute 2 (open): 20.
    for (let i = 0; i < 6; i++) store.record(T0 + i * 10_000, new Map([['a', i + 1]]));
    store.record(T0 + 60_000, new Map([['a', 10]]));
    store.record(T0 + 70_000, new Map());
    store.record(T0 + 120_000, new Map([['a', 20]]));
    const { stepMs, points } = store.read('a', T0 + 120_000 - 6 * HOUR, T0 + 120_000);
    assert.equal(stepMs, 60_000);
    assert.deepEqual(points, [
      [T0, 3.5],
      [T0 + 60_000, 10],
      [T0 + 120_000, 20],
    ]);
  });

  it('a minute with no value at all is a null point', () => {
    const store = new SeriesStore({ intervalMs: 30_000 });
    store.record(T0, new Map([['a', 5]]));
    store.record(T0 + 60_000, new Map([['a', null]]));
    store.record(T0 + 90_000, new Map([['a', null]]));
    store.record(T0 + 120_000, new Map([['a', 6]]));
    assert.deepEqual(store.read('a', T0 - HOUR, T0 + 23 * HOUR).points, [
      [T0, 5],
      [T0 + 60_000, null],
      [T0 + 120_000, 6],
    ]);
  });

  it('keeps 24 hours of minutes and forgets what is older', () => {
    const store = new SeriesStore({ intervalMs: 60_000 });
    const minutes = 26 * 60;
    for (let i = 0; i < minutes; i++) store.record(T0 + i * 60_000, new Map([['a', i]]));
    const now = T0 + (minutes - 1) * 60_000;
    const { points } = store.read('a', now - 24 * HOUR, now);
    assert.ok(points.length >= 24 * 60 && points.length <= 24 * 60 + 2, `${points.length} points`);
    assert.ok(points[0][0] >= now - 24 * HOUR - 60_000);
    assert.equal(store.read('a', now - 26 * HOUR, now - 25 * HOUR).points.length, 0);
    assert.ok((store.dataSince('a') ?? 0) >= now - 24 * HOUR - 60_000);
  });

  it('memory is fixed by the capacity: 24 h of samples cost what the rings were sized for', () => {
    const store = new SeriesStore({ intervalMs: 10_000 });
    const empty = store.bytes();
    for (let i = 0; i < 8640; i++) store.record(T0 + i * 10_000, new Map([['a', i], ['b', i * 2]]));
    assert.equal(store.bytes(), empty + 2 * store.bytesPerSeries());
    // 362 fine slots × 8 B + 1 441 minutes × 4 B.
    assert.equal(store.bytesPerSeries(), 362 * 8 + 1441 * 4);
    store.delete('a');
    assert.equal(store.bytes(), empty + store.bytesPerSeries());
  });
});
