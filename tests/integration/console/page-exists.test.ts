import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { callRoute, startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';

// The server-side existence checks behind the 404 pages, against a real cluster: only a definite
// "no such thing" becomes a 404, and a topic created by another client a moment after the
// console cached its metadata is found, not reported missing.

let ctx: ConsoleUnderTest;
let admin: Admin;
let checks: typeof import('@/lib/server/existence');
const run = Date.now().toString(36);
const created: string[] = [];

before(async () => {
  ctx = await startConsoleUnderTest();
  admin = new Kafka({ clientId: 'page-exists', brokers: ctx.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  checks = await import('@/lib/server/existence');
});

after(async () => {
  await admin?.deleteTopics({ topics: created }).catch(() => undefined);
  await admin?.disconnect();
  await ctx?.close();
});

describe('page existence checks', () => {
  test('an unknown cluster, topic, group or broker is a 404; existing ones pass', async () => {
    assert.equal(await checks.clusterExistence('no-such-cluster'), 'missing');
    assert.equal(await checks.topicExistence('main', `no-such-topic-${run}`), 'missing');
    assert.equal(await checks.groupExistence('main', `no-such-group-${run}`), 'missing');
    assert.equal(await checks.brokerExistence('main', '999'), 'missing');
    assert.equal(await checks.brokerExistence('main', 'abc'), 'missing');
    assert.equal(await checks.clusterExistence('main'), 'found');
    assert.equal(await checks.brokerExistence('main', '2'), 'found');
  });

  test('an unreachable cluster is not a 404: the page renders and says what is wrong', async () => {
    assert.equal(await checks.topicExistence('down', 'anything'), 'unknown');
    assert.equal(await checks.brokerExistence('down', '1'), 'unknown');
  });

  test('a topic created after the metadata was cached is found by the page and by the API', async () => {
    const topicRoute = (await import('@/app/api/clusters/[cluster]/topics/[topic]/route')).GET;
    for (const [i, check] of [
      async (topic: string) => assert.equal(await checks.topicExistence('main', topic), 'found'),
      async (topic: string) => assert.equal((await callRoute(topicRoute, { cluster: 'main', topic })).status, 200),
    ].entries()) {
      const topic = `page-exists-${run}-${i}`;
      await checks.topicExistence('main', 'warm-the-cache');
      // Older than the re-check threshold, younger than the cache's life.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      created.push(topic);
      await check(topic);
    }
  });
});
