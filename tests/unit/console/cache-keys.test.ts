import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { cached, cachedKeys, invalidate } from '@/lib/kafka/cache';
import { cacheKeys } from '@/lib/kafka/cache-keys';
import { invalidateAfterWrite } from '@/lib/kafka/messages/written';

// Invalidation builds its keys with the same functions as the readers, so they cannot drift.

beforeEach(() => invalidate(''));

const keysOf = (cluster: string) => [
  cacheKeys.metadata(cluster),
  cacheKeys.logDirs(cluster),
  cacheKeys.topicsSnapshot(cluster),
  cacheKeys.topicDetail(cluster, 'orders'),
  cacheKeys.topicDetail(cluster, 'orders.v2'),
  cacheKeys.topicConfigs(cluster, 'orders'),
  cacheKeys.topicConfigSummaries(cluster),
  cacheKeys.groups(cluster),
  cacheKeys.group(cluster, 'billing'),
];

async function fill(cluster: string): Promise<void> {
  for (const key of keysOf(cluster)) await cached(key, 60_000, async () => key);
}

test('every key of a cluster starts with its prefix, and the keys are distinct', () => {
  const keys = keysOf('local');
  for (const key of keys) assert.ok(key.startsWith(cacheKeys.cluster('local')), key);
  assert.equal(new Set(keys).size, keys.length);
});

test('a change to a cluster drops all of its entries and none of another cluster', async () => {
  await fill('local');
  await fill('other');
  invalidate(cacheKeys.cluster('local'));
  assert.deepEqual(cachedKeys().sort(), keysOf('other').sort());
});

test('a write to a topic drops its detail and the topics snapshot, and nothing else', async () => {
  await fill('local');
  invalidateAfterWrite('local', 'orders');
  const gone = [cacheKeys.topicDetail('local', 'orders'), cacheKeys.topicsSnapshot('local')];
  assert.deepEqual(cachedKeys().sort(), keysOf('local').filter((k) => !gone.includes(k)).sort());
});
