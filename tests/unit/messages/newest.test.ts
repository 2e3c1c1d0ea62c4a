import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NewestKept } from '@/lib/kafka/messages/newest';

// A newest-first search keeps only the newest matches of each slice: however many a slice holds,
// the collector never holds more than the room the limit leaves.

describe('NewestKept', () => {
  it('keeps the newest `capacity` of a long run, newest first, and never more', () => {
    const kept = new NewestKept<number>(3);
    let most = 0;
    for (let i = 0; i < 50_000; i++) {
      kept.push(i);
      most = Math.max(most, kept.size);
    }
    assert.equal(most, 3);
    assert.deepEqual(kept.newestFirst(), [49_999, 49_998, 49_997]);
  });

  it('returns everything, newest first, when fewer than `capacity` came', () => {
    const kept = new NewestKept<string>(5);
    for (const s of ['a', 'b', 'c']) kept.push(s);
    assert.deepEqual(kept.newestFirst(), ['c', 'b', 'a']);
  });

  it('is right at every fill level around the wrap', () => {
    for (let n = 0; n <= 9; n++) {
      const kept = new NewestKept<number>(4);
      for (let i = 0; i < n; i++) kept.push(i);
      const expected = Array.from({ length: Math.min(n, 4) }, (_, i) => n - 1 - i);
      assert.deepEqual(kept.newestFirst(), expected, `after ${n} pushes`);
    }
  });

  it('holds nothing when the limit has no room left', () => {
    const kept = new NewestKept<number>(0);
    kept.push(1);
    assert.equal(kept.size, 0);
    assert.deepEqual(kept.newestFirst(), []);
  });
});
