import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { AssignerProtocol, Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { expectNothingFor, waitFor } from '@/tests/support/wait';

const TOTAL = 100_000;
const PARTITIONS = 6;

/** Partitions assigned to each member of a Stable group, as kafkajs admin sees them. */
async function stableAssignment(admin: Admin, groupId: string, members: number, topic: string): Promise<boolean> {
  const { groups } = await admin.describeGroups([groupId]);
  const g = groups[0];
  if (g.state !== 'Stable' || g.members.length !== members) return false;
  const owned = g.members.flatMap((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topic] ?? []);
  return owned.length === PARTITIONS && new Set(owned).size === PARTITIONS;
}

describe('consumer groups with kafkajs 2.2.4', () => {
  let cluster: DevCluster;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;

  before(async () => {
    cluster = await startDevCluster({ brokers: 3 });
    kafka = new Kafka({ clientId: 'groups-test', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  });

  after(async () => {
    await producer.disconnect();
    await admin.disconnect();
    await cluster.close();
  });

  it('three members receive 100,000 keyed messages exactly once, in order, and a restarted group resumes from its commits', async () => {
    const topic = 'exactly-once';
    const groupId = 'exactly-once-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 3 }] });
    const seen = new Uint8Array(TOTAL + 1_000);
    let received = 0;
    let outOfOrder = 0;
    let badHeaders = 0;
    const lastByKey = new Map<string, number>();
    const lastOffset = new Map<number, number>();

    const running = new Set<Consumer>();
    const startConsumers = async () => {
      const consumers: Consumer[] = [];
      for (let i = 0; i < 3; i++) {
        // A long session so a busy machine cannot cause a rebalance mid-test.
        const c = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 50 });
        await c.connect();
        await c.subscribe({ topic, fromBeginning: true });
        await c.run({
          eachMessage: async ({ partition, message }) => {
            const n = Number(message.value!.toString());
            const key = message.key!.toString();
            if (message.headers?.seq?.toString() !== String(n) || message.headers?.source?.toString() !== 'groups-test') badHeaders++;
            if ((lastByKey.get(key) ?? -1) >= n) outOfOrder++;
            if ((lastOffset.get(partition) ?? -1) >= Number(message.offset)) outOfOrder++;
            lastByKey.set(key, n);
            lastOffset.set(partition, Number(message.offset));
            seen[n]++;
            received++;
          },
        });
        consumers.push(c);
        running.add(c);
      }
      await waitFor(() => stableAssignment(admin, groupId, 3, topic), { timeoutMs: 30_000, what: 'a stable group of three' });
      return consumers;
    };

    const produce = async (from: number, to: number) => {
      for (let start = from; start < to; start += 2_000) {
        const messages = [];
        for (let n = start; n < Math.min(to, start + 2_000); n++) {
          messages.push({ key: `key-${n % 997}`, value: String(n), headers: { seq: String(n), source: 'groups-test' } });
        }
        await producer.send({ topic, messages });
      }
    };

    const stopAll = async (list: Consumer[]) => {
      await Promise.all(list.map((c) => c.disconnect()));
      for (const c of list) running.delete(c);
    };
    try {
      await runScenario();
    } finally {
      await stopAll([...running]);
    }

    async function runScenario() {
    let consumers = await startConsumers();
    await produce(0, TOTAL);
    await waitFor(() => received >= TOTAL, { timeoutMs: 180_000, what: () => `${TOTAL} messages (got ${received})` });
    // A message delivered twice would come after the last first delivery: no event marks that it
    // will not, so the members keep running for a bounded window in which none may arrive.
    await expectNothingFor(500, { what: () => `a delivery beyond the ${TOTAL} messages (${received})`, happened: () => received > TOTAL });
    await stopAll(consumers);

    assert.equal(received, TOTAL, 'no message was delivered twice');
    assert.equal(seen.subarray(0, TOTAL).findIndex((c) => c !== 1), -1, 'every message arrived exactly once');
    assert.equal(outOfOrder, 0);
    assert.equal(badHeaders, 0);

    // Commits cover everything that was consumed.
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const latest = await admin.fetchTopicOffsets(topic);
    for (const p of latest) {
      assert.equal(committed.partitions.find((c) => c.partition === p.partition)?.offset, p.high, `partition ${p.partition}`);
    }
    assert.equal((await admin.describeGroups([groupId])).groups[0].state, 'Empty');

    // Restart: new members of the same group continue where the old ones committed.
    lastOffset.clear();
    await produce(TOTAL, TOTAL + 1_000);
    consumers = await startConsumers();
    await waitFor(() => received >= TOTAL + 1_000, { timeoutMs: 60_000, what: 'the messages produced while the group was down' });
    // Messages consumed a second time (the restarted members starting before the commits) would
    // keep coming: a bounded window in which nothing more may arrive.
    await expectNothingFor(1_000, { what: () => `a delivery beyond the ${TOTAL + 1_000} messages (${received})`, happened: () => received > TOTAL + 1_000 });
    await stopAll(consumers);
    assert.equal(received, TOTAL + 1_000, 'nothing consumed twice after the restart');
    assert.equal(seen.findIndex((c) => c !== 1), -1);
    assert.equal(outOfOrder, 0);
    }
  });

  it('lists, describes and deletes groups; a group with members cannot be deleted', async () => {
    const topic = 'admin-groups';
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 2 }] });
    await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
    const consumer = kafka.consumer({ groupId: 'admin-live', sessionTimeout: 10_000, heartbeatInterval: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let got = 0;
    await consumer.run({ eachMessage: async () => void got++ });
    try {
      await checkAdminGroups(consumer, () => got, topic);
    } finally {
      await consumer.disconnect();
    }
    const deleted = await admin.deleteGroups(['admin-live', 'admin-idle']);
    assert.deepEqual(deleted.map((d) => [d.groupId, d.errorCode]).sort(), [['admin-idle', 0], ['admin-live', 0]]);
    assert.equal((await admin.listGroups()).groups.filter((g) => g.groupId.startsWith('admin-')).length, 0);
    const [afterDelete] = await admin.fetchOffsets({ groupId: 'admin-live', topics: [topic] });
    assert.ok(afterDelete.partitions.every((p) => p.offset === '-1'), 'offsets went with the group');
  });

  async function checkAdminGroups(consumer: Consumer, got: () => number, topic: string) {
    await waitFor(() => got() === 30, { timeoutMs: 20_000, what: 'messages for admin-live' });
    await consumer.commitOffsets([{ topic, partition: 0, offset: '5' }]);
    // A group that only ever committed (no members), as admin tools create.
    await admin.setOffsets({ groupId: 'admin-idle', topic, partitions: [{ partition: 1, offset: '7' }] });

    const listed = (await admin.listGroups()).groups;
    assert.deepEqual(listed.filter((g) => g.groupId.startsWith('admin-')).map((g) => [g.groupId, g.protocolType]).sort(), [
      ['admin-idle', 'consumer'],
      ['admin-live', 'consumer'],
    ]);

    // kafkajs answers per coordinator, so look groups up by id rather than by position.
    const { groups } = await admin.describeGroups(['admin-live', 'admin-idle', 'no-such-group']);
    const byId = (id: string) => groups.find((g) => g.groupId === id)!;
    const [live, idle, missing] = [byId('admin-live'), byId('admin-idle'), byId('no-such-group')];
    assert.equal(live.state, 'Stable');
    assert.equal(live.protocolType, 'consumer');
    assert.equal(live.members.length, 1);
    assert.equal(live.members[0].clientId, 'groups-test');
    assert.equal(live.members[0].clientHost, '/127.0.0.1');
    assert.deepEqual(AssignerProtocol.MemberMetadata.decode(live.members[0].memberMetadata)?.topics, [topic]);
    assert.deepEqual(AssignerProtocol.MemberAssignment.decode(live.members[0].memberAssignment)?.assignment[topic]?.sort(), [0, 1, 2]);
    assert.equal(idle.state, 'Empty');
    assert.equal(idle.members.length, 0);
    assert.equal(missing.state, 'Dead');

    await assert.rejects(admin.deleteGroups(['admin-live']), (e: Error & { groups?: { groupId: string; error: { type: string } }[] }) => {
      assert.equal(e.name, 'KafkaJSDeleteGroupsError');
      assert.equal(e.groups?.[0].error.type, 'NON_EMPTY_GROUP');
      return true;
    });
    await assert.rejects(admin.deleteGroups(['never-existed']), (e: Error & { groups?: { error: { type: string } }[] }) => {
      assert.equal(e.groups?.[0].error.type, 'GROUP_ID_NOT_FOUND');
      return true;
    });
  }

  it('fetches, resets and sets offsets through the admin client', async () => {
    const topic = 'offset-admin';
    const groupId = 'offset-admin-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] });
    await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, value: `m${i}` })) });

    let [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    assert.deepEqual(offsets.partitions.map((p) => p.offset), ['-1', '-1']);

    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '8' }, { partition: 1, offset: '9' }] });
    [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    assert.deepEqual(offsets.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset), ['8', '9']);

    // A consumer of the group starts from what was set.
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const values: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void values.push(message.value!.toString()) });
    try {
      await waitFor(() => values.length >= 3, { timeoutMs: 20_000, what: 'messages after the set offsets' });
      // Messages before the set offsets would be extra deliveries: none may follow in a bounded window.
      await expectNothingFor(300, { what: () => `a fourth message (${values.join(', ')})`, happened: () => values.length > 3 });
      assert.deepEqual(values.sort(), ['m16', 'm18', 'm19']);
      // Resetting a group with a live member is refused (Kafka's rule).
      await assert.rejects(admin.resetOffsets({ groupId, topic, earliest: true }), /no running instances/);
    } finally {
      await consumer.disconnect();
    }

    // kafkajs commits the -2/-1 sentinels as Kafka stores them; resolveOffsets turns them into offsets.
    await admin.resetOffsets({ groupId, topic, earliest: true });
    [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    assert.deepEqual(offsets.partitions.map((p) => p.offset), ['-2', '-2']);
    [offsets] = await admin.fetchOffsets({ groupId, topics: [topic], resolveOffsets: true });
    assert.deepEqual(offsets.partitions.map((p) => p.offset), ['0', '0']);

    await admin.resetOffsets({ groupId, topic, earliest: false });
    [offsets] = await admin.fetchOffsets({ groupId, topics: [topic], resolveOffsets: true });
    assert.deepEqual(offsets.partitions.map((p) => p.offset), ['10', '10']);
  });

  it('a member killed without leaving is expired after its session timeout and the group rebalances', async () => {
    const topic = 'expiry';
    const groupId = 'expiry-group';
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }] });
    const session = 6_000;
    const script = `
      const { Kafka, logLevel } = require('kafkajs');
      const kafka = new Kafka({ clientId: 'doomed', brokers: ${JSON.stringify(cluster.bootstrapServers)}, logLevel: logLevel.NOTHING });
      const c = kafka.consumer({ groupId: '${groupId}', sessionTimeout: ${session}, heartbeatInterval: 500 });
      c.on(c.events.GROUP_JOIN, () => console.log('JOINED'));
      c.connect().then(() => c.subscribe({ topic: '${topic}' })).then(() => c.run({ eachMessage: async () => {} }));
    `;
    const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    const survivor = kafka.consumer({ groupId, sessionTimeout: session, heartbeatInterval: 500 });
    try {
      let survivorPartitions: number[] = [];
      survivor.on(survivor.events.GROUP_JOIN, (e) => {
        survivorPartitions = e.payload.memberAssignment[topic] ?? [];
      });
      await survivor.connect();
      await survivor.subscribe({ topic });
      await survivor.run({ eachMessage: async () => {} });
      await waitFor(() => stableAssignment(admin, groupId, 2, topic), { timeoutMs: 30_000, what: 'both members in a stable group' });
      assert.ok(survivorPartitions.length > 0 && survivorPartitions.length < PARTITIONS);

      child.kill('SIGKILL');
      const killedAt = Date.now();
      await new Promise((r) => child.once('exit', r));
      // Half its session after the kill, with no heartbeat for six intervals, the dead member must
      // still be there: a bounded window (well inside the session timeout) in which it may not go.
      await expectNothingFor(session / 2, {
        what: 'the dead member leaving before its session timed out',
        happened: async () => (await admin.describeGroups([groupId])).groups[0].members.length !== 2,
        intervalMs: 250,
      });
      const during = (await admin.describeGroups([groupId])).groups[0];
      assert.equal(during.members.length, 2, 'a dead member still counts until its session times out');

      await waitFor(() => survivorPartitions.length === PARTITIONS, { timeoutMs: 20_000, what: 'the survivor to take every partition' });
      const elapsed = Date.now() - killedAt;
      assert.ok(elapsed >= session - 1_000, `expired after ${elapsed} ms`);
      const described = (await admin.describeGroups([groupId])).groups[0];
      assert.equal(described.state, 'Stable');
      assert.deepEqual(described.members.map((m) => m.clientId), ['groups-test']);
    } finally {
      child.kill('SIGKILL');
      await survivor.disconnect();
    }
  });
});
