import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { produceInputSchema } from '@/lib/api/produce';
import type { TailBatch } from '@/lib/kafka/messages/tail';
import { watchParkedFetches } from '@/tests/support/parked-fetches';
import { waitFor } from '@/tests/support/wait';
import { callRaw, startMessagesTest, type MessagesTest } from './support';

// What reading and writing messages must not do to the rest of the console: a live tail's long
// polls hold no other page's requests back and its connections go when it ends; a tail that
// drops batches for a slow browser says how many; a produced message refreshes its topic's
// numbers without throwing away the cluster's other cached reads.

const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

describe('messages: tail connections, dropped batches, cache after writes', () => {
  let t: MessagesTest;
  let tailRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');
  let pool: typeof import('@/lib/kafka/protocol-pool');
  let offsets: typeof import('@/lib/kafka/offsets');
  let tail: typeof import('@/lib/kafka/messages/tail');

  before(async () => {
    t = await startMessagesTest();
    tailRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');
    pool = await import('@/lib/kafka/protocol-pool');
    offsets = await import('@/lib/kafka/offsets');
    tail = await import('@/lib/kafka/messages/tail');
    await t.admin.createTopics({
      topics: [
        { topic: 'quiet', numPartitions: 6, replicationFactor: 1 },
        { topic: 'busy', numPartitions: 1, replicationFactor: 1 },
        { topic: 'counted', numPartitions: 1, replicationFactor: 1 },
      ],
      waitForLeaders: true,
    });
  });

  after(() => t.close());

  it("closes a tail's own connections when the tail is aborted", async () => {
    const prepared = await tail.prepareTail('main', 'quiet', 'all', {});
    const before = sockets();
    const controller = new AbortController();
    const running = prepared.run(() => true, controller.signal);
    await waitFor(() => sockets() > before, { timeoutMs: 5_000, what: 'the tail to connect' });
    controller.abort();
    await running;
    // Our side and the devcluster's side of each of its connections both go.
    await waitFor(() => sockets() <= before, { timeoutMs: 5_000, what: () => `the tail's sockets to close (${sockets()} open, ${before} before)` });
  });

  it("answers Metadata and ListOffsets quickly while tails long-poll every broker", async () => {
    const refs = Array.from({ length: 6 }, (_, partition) => ({ topic: 'quiet', partition }));
    const rpc = await pool.clusterRpc('main');
    await rpc.metadata();
    await offsets.listPartitionOffsets('main', refs, 'latest');
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const parked = watchParkedFetches(t.console.cluster);
    try {
      for (const controller of controllers) {
        const response = await callRaw(tailRoute.GET, { cluster: 'main', topic: 'quiet' }, { signal: controller.signal });
        assert.equal(response.status, 200);
        // Only the first event is read: cancelling the body would end the tail, and the tail
        // polls whether or not its events are read.
        const first = await response.body!.getReader().read();
        assert.match(new TextDecoder().decode(first.value), /"type":"ready"/);
      }
      // Nothing arrives on "quiet": every tail sits in a 1 s long poll on each leader.
      await parked.untilEveryLeaderPolled('quiet', controllers.length);
      for (let round = 0; round < 3; round++) {
        let started = Date.now();
        await rpc.metadata();
        const metadataMs = Date.now() - started;
        started = Date.now();
        await offsets.listPartitionOffsets('main', refs, 'latest');
        const listOffsetsMs = Date.now() - started;
        assert.ok(metadataMs < 500, `Metadata took ${metadataMs} ms behind the tails' long polls`);
        assert.ok(listOffsetsMs < 500, `ListOffsets took ${listOffsetsMs} ms behind the tails' long polls`);
      }
    } finally {
      parked.stop();
      for (const controller of controllers) controller.abort();
    }
  });

  it('counts the messages of a batch the browser had no room for as skipped', async () => {
    const prepared = await tail.prepareTail('main', 'busy', 'all', {});
    const controller = new AbortController();
    const delivered: TailBatch[] = [];
    let refused = 0;
    const running = prepared.run((batch) => {
      // The first batch finds the browser's buffer full.
      if (refused === 0 && batch.messages.length > 0) {
        refused++;
        return false;
      }
      delivered.push(batch);
      return true;
    }, controller.signal);
    try {
      await t.producer.send({ topic: 'busy', messages: Array.from({ length: 5 }, (_, i) => ({ value: `first-${i}` })) });
      await waitFor(() => refused === 1, { timeoutMs: 10_000, what: 'the refused batch' });
      await t.producer.send({ topic: 'busy', messages: Array.from({ length: 3 }, (_, i) => ({ value: `second-${i}` })) });
      const count = () => delivered.reduce((n, b) => n + b.messages.length + b.skipped, 0);
      await waitFor(() => count() >= 8, { timeoutMs: 10_000, what: 'all 8 messages to be delivered or counted' });
      assert.deepEqual(
        delivered.flatMap((b) => b.messages.map((m) => m.value?.data)),
        ['second-0', 'second-1', 'second-2'],
      );
      assert.equal(delivered.reduce((n, b) => n + b.skipped, 0), 5);
    } finally {
      controller.abort();
      await running;
    }
  });

  it("refreshes a topic's offsets and counts after a produce, and keeps the cluster's other reads", async () => {
    const { getTopicDetail, topicsSnapshot } = await import('@/lib/kafka/topics/read');
    const { getClusterLogDirs } = await import('@/lib/kafka/cluster/log-dirs');
    const { getTopicConfigs } = await import('@/lib/kafka/topics/configs');
    const { produceMessage } = await import('@/lib/kafka/messages/produce');
    await getTopicDetail('main', 'counted', true);
    const logDirs = await getClusterLogDirs('main');
    const configs = await getTopicConfigs('main', 'counted');
    const detailBefore = await getTopicDetail('main', 'counted');
    const snapshotBefore = await topicsSnapshot('main');
    assert.equal(detailBefore.totals.messages, 0);
    assert.equal(snapshotBefore.rows.find((r) => r.name === 'counted')?.messages, 0);

    await produceMessage('main', produceInputSchema.parse({ topic: 'counted', value: 'one' }));

    // Well within every TTL: only an invalidation explains fresh numbers.
    const detailAfter = await getTopicDetail('main', 'counted');
    assert.equal(detailAfter.totals.messages, 1);
    assert.equal(detailAfter.partitions[0].latest, 1);
    assert.equal((await topicsSnapshot('main')).rows.find((r) => r.name === 'counted')?.messages, 1);
    assert.equal(await getClusterLogDirs('main'), logDirs, "the cluster's log dirs are not read again");
    assert.equal(await getTopicConfigs('main', 'counted'), configs, "the topic's configs are not read again");
  });
});
