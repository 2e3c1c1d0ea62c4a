import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeWithin, type PartitionStream } from '@/lib/messages/merge';

type Item = { partition: number; offset: number; timestamp: number; bytes: number };

function stream(partition: number, items: Item[]): PartitionStream<Item> {
  let i = 0;
  return { partition, head: () => items[i], shift: () => void i++ };
}

const item = (partition: number, offset: number, timestamp: number, bytes: number): Item => ({ partition, offset, timestamp, bytes });
const budget = (maxBytes: number) => ({ maxBytes, sizeOf: (x: Item) => x.bytes });

describe('merging partitions within a byte budget', () => {
  it('stops before the item that would pass the budget, keeping the reading order exact', async () => {
    const a = [item(0, 0, 1, 40), item(0, 1, 3, 40), item(0, 2, 5, 40)];
    const b = [item(1, 0, 2, 40), item(1, 1, 4, 40)];
    const page = await mergeWithin([stream(0, a), stream(1, b)], 'forward', 100, { budget: budget(130) });
    assert.deepEqual(page.items.map((x) => `${x.partition}:${x.offset}`), ['0:0', '1:0', '0:1']);
    assert.equal(page.budgetReached, true);
    assert.equal(page.bytes, 120);
  });

  it('always takes the first item, even one larger than the whole budget', async () => {
    const page = await mergeWithin([stream(0, [item(0, 0, 1, 500), item(0, 1, 2, 1)])], 'forward', 100, { budget: budget(100) });
    assert.deepEqual(page.items.map((x) => x.offset), [0]);
    assert.equal(page.budgetReached, true);
  });

  it('is not reached when the limit or the data ends first', async () => {
    const items = [item(0, 0, 1, 10), item(0, 1, 2, 10)];
    assert.equal((await mergeWithin([stream(0, items)], 'forward', 1, { budget: budget(100) })).budgetReached, false);
    assert.equal((await mergeWithin([stream(0, items)], 'forward', 10, { budget: budget(100) })).budgetReached, false);
  });
});
