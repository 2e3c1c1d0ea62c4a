import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { cached, cachedKeys, invalidate } from '@/lib/kafka/cache';

// The result cache must not keep every key it was ever asked for (e.g. unknown group ids).

beforeEach(() => {
  mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  invalidate('');
});
afterEach(() => mock.timers.reset());

test('expired entries are swept on a later call, live and running ones stay', async () => {
  await cached('groups:one:a', 1_000, async () => 'a');
  await cached('groups:one:b', 1_000, async () => 'b');
  await cached('long', 60_000, async () => 'long');
  assert.deepEqual(cachedKeys().sort(), ['groups:one:a', 'groups:one:b', 'long']);

  mock.timers.tick(30_000);
  let finish!: (v: string) => void;
  const running = cached('slow', 1, () => new Promise<string>((r) => (finish = r)));
  mock.timers.tick(30_000);
  await cached('groups:one:c', 1_000, async () => 'c');
  assert.deepEqual(cachedKeys().sort(), ['groups:one:c', 'slow'], 'expired settled keys are gone, the running load stays');

  finish('done');
  assert.equal((await running).value, 'done');
});

test('a concurrent call within the TTL still shares one load', async () => {
  let loads = 0;
  const load = async () => ++loads;
  const [x, y] = await Promise.all([cached('k', 1_000, load), cached('k', 1_000, load)]);
  assert.equal(loads, 1);
  assert.equal(x, y);
  mock.timers.tick(1_000);
  assert.equal((await cached('k', 1_000, load)).value, 2, 'reloaded once expired');
});
