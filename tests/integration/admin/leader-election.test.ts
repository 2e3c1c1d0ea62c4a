import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { electionPreview, electionResult, type ElectionPreview, type ElectionResult } from '@/lib/api/leader-election';
import { callRoute } from '@/tests/support/console';
import { readAuditFile, startAdminTest, type AdminTestContext, type FieldErrorBody } from './support';

// Preferred leader election through the console, checked with kafkajs metadata. Moving leaders
// needs a broker stopped and started, which only the embedded cluster allows.

const external = Boolean(process.env.TEST_KAFKA_BROKERS);
type Handler = Parameters<typeof callRoute>[0];
let t: AdminTestContext;
let preview: Handler;
let elect: Handler;
const topic = `elect-${Date.now().toString(36)}`;

before(async () => {
  t = await startAdminTest({ brokerConfigs: { 'auto.leader.rebalance.enable': 'false' } });
  await t.admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 3 }] });
  preview = (await import('@/app/api/clusters/[cluster]/replicas/elect-leaders/preview/route')).POST;
  elect = (await import('@/app/api/clusters/[cluster]/replicas/elect-leaders/route')).POST;
});
after(() => t?.close());

const call = <T>(handler: Handler, body: unknown) => callRoute<T & FieldErrorBody>(handler, { cluster: 'main' }, { body, method: 'POST' });
/** Leaders from a fresh kafkajs admin (one connected before a broker restart has a closed socket). */
const leaders = async () => {
  const admin = t.kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return new Map(topics[0].partitions.map((p) => [p.partitionId, { leader: p.leader, preferred: p.replicas[0] }]));
  } finally {
    await admin.disconnect();
  }
};

describe('preferred leader election: bad input', () => {
  it('names the field and changes nothing', async () => {
    const before = await leaders();
    const cases: [unknown, number, string][] = [
      [{ scope: 'everything' }, 400, 'scope'],
      [{ scope: 'topic', topic: '' }, 400, 'topic'],
      [{ scope: 'partition', topic, partition: -1 }, 400, 'partition'],
      [{ scope: 'partition', topic, partition: 99 }, 400, 'partition'],
    ];
    for (const [body, status, field] of cases) {
      for (const handler of [preview, elect]) {
        const res = await call(handler, handler === elect ? { ...(body as object), confirm: true } : body);
        assert.equal(res.status, status, JSON.stringify(res.body));
        assert.ok(res.body.details?.fields?.[field], `${JSON.stringify(body)} names ${field}: ${JSON.stringify(res.body)}`);
      }
    }
    assert.equal((await call(preview, { scope: 'topic', topic: `${topic}-missing` })).status, 404);
    const unconfirmed = await call(elect, { scope: 'off-preferred' });
    assert.equal(unconfirmed.status, 400);
    assert.ok(unconfirmed.body.details?.fields?.confirm);
    assert.deepEqual(await leaders(), before);
  });

  it('on a topic already led by its preferred replicas there is nothing to elect', async () => {
    const res = await call<ElectionPreview>(preview, { scope: 'topic', topic });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    electionPreview.strict().parse(res.body);
    assert.equal(res.body.supported, true);
    assert.deepEqual([res.body.offPreferred, res.body.eligible, res.body.candidates.length], [0, 0, 0]);
  });
});

describe('preferred leader election after a broker restart', { skip: external && 'stops a broker of the embedded cluster' }, () => {
  it('previews the moves with leaders per broker, then restores every preferred leader and audits it', async () => {
    const original = await leaders();
    const ledBy1 = [...original].filter(([, p]) => p.preferred === 1).map(([i]) => i);
    assert.ok(ledBy1.length > 0);
    await t.console.cluster.stopBroker(1);
    await t.console.cluster.startBroker(1);
    const moved = await leaders();
    for (const i of ledBy1) assert.notEqual(moved.get(i)!.leader, 1, `partition ${i} moved off broker 1`);

    const plan = await call<ElectionPreview>(preview, { scope: 'topic', topic });
    assert.equal(plan.status, 200, JSON.stringify(plan.body));
    assert.deepEqual(plan.body.candidates.map((c) => c.partition).sort(), [...ledBy1].sort());
    assert.ok(plan.body.candidates.every((c) => c.eligible && c.preferred === 1));
    const broker1 = plan.body.brokers.find((b) => b.id === 1)!;
    assert.equal(broker1.leadersAfter - broker1.leadersBefore, ledBy1.length, 'broker 1 gains exactly the moved leaders');

    const res = await call<ElectionResult>(elect, { scope: 'topic', topic, confirm: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    electionResult.strict().parse(res.body);
    assert.deepEqual(res.body.elected.map((e) => e.partition).sort(), [...ledBy1].sort());
    assert.deepEqual(res.body.failed, []);
    const after = await leaders();
    for (const [i, p] of after) assert.equal(p.leader, p.preferred, `partition ${i} is led by its preferred replica (kafkajs)`);

    const entry = readAuditFile(t.console.auditFile).filter((e) => e.action === 'cluster.leaders.elect').at(-1);
    assert.ok(entry, 'the election is audited');
    assert.equal(entry.outcome, 'success');
    assert.deepEqual(entry.parameters, { scope: 'topic', topic, elected: ledBy1.length, failed: 0, notNeeded: 0 });
  });
});
