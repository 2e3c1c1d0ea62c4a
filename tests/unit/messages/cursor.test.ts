import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  advance,
  CursorError,
  decodeCursor,
  encodeCursor,
  hasMore,
  initialPosition,
  offsetOutOfRange,
  readingDirection,
  remaining,
  type ReadPosition,
} from '@/lib/messages/cursor';
import { compareAsc, mergeStreams, sortForDisplay, type PartitionStream } from '@/lib/messages/merge';

const range = { partition: 0, start: 10, end: 20 };

describe('cursor math', () => {
  it('earliest reads forward and latest backward, whatever the display order', () => {
    assert.equal(readingDirection('earliest', 'desc'), 'forward');
    assert.equal(readingDirection('latest', 'asc'), 'backward');
    assert.equal(readingDirection('offset', 'asc'), 'forward');
    assert.equal(readingDirection('time', 'desc'), 'backward');
  });

  it('starts at the log start, the end, or the asked offset (inclusive both ways)', () => {
    assert.equal(initialPosition('forward', 'earliest', range), 10);
    assert.equal(initialPosition('backward', 'latest', range), 20);
    assert.equal(initialPosition('forward', 'offset', range, 15), 15);
    // backward positions are exclusive bounds: offset 15 itself is the first read
    assert.equal(initialPosition('backward', 'offset', range, 15), 16);
    assert.equal(initialPosition('forward', 'offset', range, 3), 10, 'clamped to the log start');
    assert.equal(initialPosition('backward', 'time', range, 25), 20, 'clamped to the end');
  });

  it('names the valid offsets when one is out of range', () => {
    assert.equal(offsetOutOfRange('forward', 15, range), undefined);
    assert.equal(offsetOutOfRange('forward', 20, range), undefined, 'the end is a valid place to wait forward');
    assert.match(offsetOutOfRange('backward', 20, range)!, /out of range: partition 0 holds offsets 10 to 19/);
    assert.match(offsetOutOfRange('forward', 9, range)!, /holds offsets 10 to 19/);
    assert.match(offsetOutOfRange('forward', 1, { partition: 2, start: 5, end: 5 })!, /partition 2 is empty \(its next offset is 5\)/);
  });

  it('counts what is left in each direction', () => {
    assert.equal(remaining('forward', 12, range), 8);
    assert.equal(remaining('forward', 5, range), 10);
    assert.equal(remaining('forward', 20, range), 0);
    assert.equal(remaining('backward', 12, range), 2);
    assert.equal(remaining('backward', 10, range), 0);
    assert.equal(remaining('backward', 30, range), 10);
  });

  it('advances past emitted messages, gaps included', () => {
    const fwd: ReadPosition = { direction: 'forward', positions: new Map([[0, 10], [1, 0]]) };
    const next = advance(fwd, [{ partition: 0, offset: 10 }, { partition: 0, offset: 13 }, { partition: 1, offset: 4 }]);
    assert.deepEqual([...next.positions], [[0, 14], [1, 5]]);
    assert.deepEqual([...fwd.positions], [[0, 10], [1, 0]], 'the input is not changed');
    const bwd: ReadPosition = { direction: 'backward', positions: new Map([[0, 20]]) };
    assert.deepEqual([...advance(bwd, [{ partition: 0, offset: 19 }, { partition: 0, offset: 17 }]).positions], [[0, 17]]);
    assert.deepEqual([...advance(bwd, [{ partition: 9, offset: 1 }]).positions], [[0, 20]], 'unknown partitions are ignored');
  });

  it('knows when nothing is left', () => {
    const ranges = [range, { partition: 1, start: 0, end: 0 }];
    assert.equal(hasMore({ direction: 'forward', positions: new Map([[0, 20], [1, 0]]) }, ranges), false);
    assert.equal(hasMore({ direction: 'backward', positions: new Map([[0, 11], [1, 0]]) }, ranges), true);
  });

  it('round-trips through an opaque URL-safe string', () => {
    const read: ReadPosition = { direction: 'backward', positions: new Map([[3, 1234567890123], [0, 7]]) };
    const s = encodeCursor(read);
    assert.match(s, /^[A-Za-z0-9_-]+$/);
    const back = decodeCursor(s);
    assert.equal(back.direction, 'backward');
    assert.deepEqual([...back.positions].sort(), [[0, 7], [3, 1234567890123]]);
  });

  it('rejects damaged cursors', () => {
    for (const bad of ['', 'not a cursor!', 'eyJ2IjoyfQ', encodeCursor({ direction: 'forward', positions: new Map() }), Buffer.from('{"v":1,"d":"f","p":[[0,-1]]}').toString('base64url')]) {
      assert.throws(() => decodeCursor(bad), CursorError, bad);
    }
  });
});

function stream<T extends { partition: number }>(partition: number, items: T[], async = false): PartitionStream<T> {
  let i = 0;
  return {
    partition,
    head: () => (async ? Promise.resolve(items[i]) : items[i]),
    shift: () => void i++,
  };
}

describe('merging partitions', () => {
  const m = (partition: number, offset: number, timestamp: number) => ({ partition, offset, timestamp });

  it('takes messages in timestamp order across partitions, ties by partition then offset', async () => {
    const a = [m(0, 0, 100), m(0, 1, 300), m(0, 2, 500)];
    const b = [m(1, 0, 200), m(1, 1, 300), m(1, 2, 400)];
    const page = await mergeStreams([stream(0, a), stream(1, b, true)], 'forward', 5);
    assert.deepEqual(page.map((x) => `${x.partition}:${x.offset}`), ['0:0', '1:0', '0:1', '1:1', '1:2']);
  });

  it('backward reads take the newest first', async () => {
    const a = [m(0, 2, 500), m(0, 1, 300), m(0, 0, 100)];
    const b = [m(1, 2, 400), m(1, 1, 300), m(1, 0, 200)];
    const page = await mergeStreams([stream(0, a), stream(1, b)], 'backward', 4);
    assert.deepEqual(page.map((x) => `${x.partition}:${x.offset}`), ['0:2', '1:2', '1:1', '0:1']);
  });

  it('stops when the streams run dry', async () => {
    const page = await mergeStreams([stream(0, [m(0, 0, 1)]), stream(1, [])], 'forward', 100);
    assert.equal(page.length, 1);
  });

  it('sorts a page for display either way', () => {
    const page = [m(0, 1, 300), m(1, 0, 100), m(0, 0, 300)];
    assert.deepEqual(sortForDisplay([...page], 'asc').map((x) => x.offset + x.partition * 10), [10, 0, 1]);
    assert.deepEqual(sortForDisplay([...page], 'desc').map((x) => x.offset + x.partition * 10), [1, 0, 10]);
    assert.ok(compareAsc(m(0, 0, 1), m(0, 1, 1)) < 0);
  });
});
