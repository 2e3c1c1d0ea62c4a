import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { DEMO_GROUPS, DEMO_TOPICS, startDemo, type DemoHandle } from '@/lib/devcluster/demo';
import { murmur2 } from '@/lib/devcluster/demo/partitioner';
import { expectNothingFor, waitFor } from '@/tests/support/wait';

describe('demo mode', () => {
  let cluster: DevCluster;
  let demo: DemoHandle;
  let admin: Admin;

  before(async () => {
    cluster = await startDevCluster({ brokers: 3 });
    demo = startDemo(cluster, { seed: 42, rebalanceEveryMs: [1_500, 2_500] });
    admin = new Kafka({ clientId: 'demo-test', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  after(async () => {
    await admin.disconnect();
    await demo.stop();
    await cluster.close();
  });

  /** Sum over partitions of high watermark minus committed offset, as a console computes lag. */
  async function lag(groupId: string, topic: string): Promise<number> {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const high = await admin.fetchTopicOffsets(topic);
    return high.reduce((sum, p) => {
      const c = Number(committed.partitions.find((x) => x.partition === p.partition)?.offset ?? -1);
      return sum + Number(p.high) - (c < 0 ? Number(p.low) : c);
    }, 0);
  }

  it('creates the demo topics with their partition counts and configs, and fills them', async () => {
    const topics = await admin.listTopics();
    for (const t of DEMO_TOPICS) assert.ok(topics.includes(t.name), t.name);
    assert.ok(!topics.some((t) => t.startsWith('__') && t !== '__consumer_offsets'), 'no internal topics but the offsets topic');
    const meta = await admin.fetchTopicMetadata({ topics: ['orders', 'clickstream', 'telemetry.raw', 'audit-log'] });
    const counts = Object.fromEntries(meta.topics.map((t) => [t.name, t.partitions.length]));
    assert.deepEqual(counts, { orders: 6, clickstream: 12, 'telemetry.raw': 48, 'audit-log': 1 });

    const configs = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: 'user-profiles', configNames: ['cleanup.policy'] }, { type: 2, name: 'payments', configNames: ['retention.ms'] }] });
    const value = (name: string, key: string) => configs.resources.find((r) => r.resourceName === name)!.configEntries.find((e) => e.configName === key)!.configValue;
    assert.equal(value('user-profiles', 'cleanup.policy'), 'compact');
    assert.equal(value('payments', 'retention.ms'), '86400000');

    const before = await admin.fetchTopicOffsets('orders');
    const total = (o: { high: string }[]) => o.reduce((s, p) => s + Number(p.high), 0);
    let afterwards = before;
    await waitFor(async () => total((afterwards = await admin.fetchTopicOffsets('orders'))) > total(before), {
      timeoutMs: 5_000,
      what: 'a live message on orders',
      intervalMs: 200,
    });
    assert.ok(total(before) >= 900, 'history was written at start');
    assert.ok(total(afterwards) > total(before), 'new messages keep arriving');

    // Payload kinds: keyed JSON with headers, plain text, binary frames, tombstones on a compacted topic.
    const [order] = cluster.readRecords('orders', 0, 0, 1);
    assert.equal(JSON.parse(order.value!.toString()).customerId, order.key!.toString());
    assert.deepEqual(order.headers.map((h) => h.key).sort(), ['content-type', 'event-type', 'source', 'trace-id']);
    assert.equal((murmur2(order.key!) & 0x7fffffff) % 6, 0, 'keyed records sit where the default partitioner puts them');
    assert.match(cluster.readRecords('clickstream', 0, 0, 1)[0].value!.toString(), /^\d{4}-\d\d-\d\dT.* session=[0-9a-f]+ /);
    assert.equal(cluster.readRecords('sensor-readings', 0, 0, 1)[0].value!.length, 40);
    const profiles = [0, 1, 2].flatMap((p) => cluster.readRecords('user-profiles', p, 0, 500));
    assert.ok(profiles.some((r) => r.value === null), 'some profile deletions (tombstones)');
    // Live messages carry the current time (history is backdated): wait for payments' first live
    // message (about 4 a second), then look at the newest record of any of its partitions.
    const payments = await admin.fetchTopicOffsets('payments');
    await waitFor(async () => total(await admin.fetchTopicOffsets('payments')) > total(payments), { timeoutMs: 5_000, what: 'a live message on payments', intervalMs: 100 });
    const newest = Math.max(
      ...(await admin.fetchTopicOffsets('payments'))
        .filter((p) => Number(p.high) > 0)
        .map((p) => cluster.readRecords('payments', p.partition, Number(p.high) - 1, 1)[0].timestamp),
    );
    assert.ok(Math.abs(newest - Date.now()) < 10_000, `live messages carry the current time (newest ${Date.now() - newest} ms old)`);
  });

  it('runs groups that keep up, fall behind, sit empty with offsets, and rebalance', async () => {
    const ids = DEMO_GROUPS.map((g) => g.groupId);
    await waitFor(async () => {
      const { groups } = await admin.describeGroups(ids);
      return DEMO_GROUPS.every((g) => {
        const d = groups.find((x) => x.groupId === g.groupId)!;
        return g.behaviour === 'empty' ? d.state === 'Empty' : d.state === 'Stable' && d.members.length >= g.members;
      });
    }, { timeoutMs: 20_000, what: 'every demo group in its expected state' });
    const listed = (await admin.listGroups()).groups;
    assert.deepEqual(listed.map((g) => g.groupId).sort(), [...ids].sort());
    assert.ok(listed.every((g) => g.protocolType === 'consumer'));

    const { groups } = await admin.describeGroups(['order-fulfillment', 'telemetry-ingest']);
    for (const g of groups) {
      const topic = g.groupId === 'order-fulfillment' ? 'orders' : 'telemetry.raw';
      const partitions = g.members.flatMap((m) => {
        assert.match(m.clientId, new RegExp(`^${g.groupId}-[0-9a-f]{9}-[0-9a-f]{5}$`));
        assert.match(m.clientHost, /^\/10\.42\.\d+\.\d+$/);
        assert.deepEqual(AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics, [topic]);
        return AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topic] ?? [];
      });
      const count = topic === 'orders' ? 6 : 48;
      assert.deepEqual(partitions.sort((a, b) => a - b), Array.from({ length: count }, (_, i) => i), `${g.groupId} covers its topic`);
    }

    // Empty groups hold committed offsets part of the way through their topics.
    const [audit] = await admin.fetchOffsets({ groupId: 'audit-archiver', topics: ['audit-log'] });
    assert.ok(Number(audit.partitions[0].offset) > 0);
    assert.ok((await lag('audit-archiver', 'audit-log')) > 0);

    // First order-fulfillment works through the history it joined to; then, while clickstream's
    // lag grows, it goes on consuming: its commits pass every offset that existed at the first look.
    let keepUp1 = Infinity;
    await waitFor(async () => (keepUp1 = await lag('order-fulfillment', 'orders')) < 60, {
      timeoutMs: 5_000,
      what: () => `order-fulfillment to catch up with the history (lag ${keepUp1})`,
      intervalMs: 200,
    });
    const slow1 = await lag('clickstream-analytics', 'clickstream');
    const ordersAtFirstLook = await admin.fetchTopicOffsets('orders');
    let slow2 = slow1;
    await waitFor(
      async () => {
        slow2 = await lag('clickstream-analytics', 'clickstream');
        const [committed] = await admin.fetchOffsets({ groupId: 'order-fulfillment', topics: ['orders'] });
        const consumedAll = ordersAtFirstLook.every((p) => Number(committed.partitions.find((c) => c.partition === p.partition)?.offset ?? -1) >= Number(p.high));
        return slow2 > slow1 + 10 && consumedAll;
      },
      { timeoutMs: 15_000, what: () => `clickstream-analytics to fall behind (lag ${slow1} -> ${slow2}) while order-fulfillment consumes on`, intervalMs: 200 },
    );
    const keepUp2 = await lag('order-fulfillment', 'orders');
    assert.ok(keepUp1 < 60 && keepUp2 < 60, `order-fulfillment keeps up (lag ${keepUp1}, ${keepUp2})`);
    assert.ok(slow2 > slow1 + 10, `clickstream-analytics falls behind (lag ${slow1} -> ${slow2})`);

    // The autoscaled member of sensor-aggregator comes and goes.
    const sizes = new Set<number>();
    await waitFor(async () => {
      const d = (await admin.describeGroups(['sensor-aggregator'])).groups[0];
      if (d.state === 'Stable') sizes.add(d.members.length);
      return sizes.has(2) && sizes.has(3);
    }, { timeoutMs: 15_000, what: 'sensor-aggregator to run with both two and three members' });
  });

  it('stops cleanly: members leave, producers stop', async () => {
    await demo.stop();
    const { groups } = await admin.describeGroups(DEMO_GROUPS.map((g) => g.groupId));
    assert.ok(groups.every((g) => g.state === 'Empty' && g.members.length === 0), groups.map((g) => `${g.groupId}:${g.state}`).join(' '));
    const a = await admin.fetchTopicOffsets('clickstream');
    // Proving that nothing more is produced needs a window: three of the producer's 200 ms ticks,
    // which at clickstream's 14 messages a second would bring some.
    await expectNothingFor(600, {
      what: 'a clickstream message after the stop',
      happened: async () => JSON.stringify(await admin.fetchTopicOffsets('clickstream')) !== JSON.stringify(a),
      intervalMs: 100,
    });
    assert.deepEqual(await admin.fetchTopicOffsets('clickstream'), a);
  });
});
