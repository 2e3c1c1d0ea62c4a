import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTopicResult } from '@/lib/api/topic-admin';
import { callRoute } from '@/tests/support/console';
import { readAuditFile, startAdminTest, type AdminTestContext, type FieldErrorBody } from './support';

// POST /api/clusters/:cluster/topics: every kind of bad input is a 4xx naming the field, and a
// refused request creates nothing (checked with kafkajs, not with the console).

type Handler = Parameters<typeof callRoute>[0];
let t: AdminTestContext;
let create: Handler;
const run = Date.now().toString(36);

before(async () => {
  t = await startAdminTest();
  await t.admin.createTopics({ topics: [{ topic: `existing_${run}`, numPartitions: 1, replicationFactor: 1 }] });
  create = (await import('@/app/api/clusters/[cluster]/topics/route')).POST;
});
after(() => t?.close());

const post = (body: unknown) => callRoute<FieldErrorBody & Record<string, unknown>>(create, { cluster: 'main' }, { body });
const valid = (name: string) => ({ name, partitions: 3, replicationFactor: 2, configs: { 'retention.ms': '3600000' } });

async function refusedOn(body: unknown, field: string, status?: number) {
  const before = (await t.admin.listTopics()).sort();
  const { status: got, body: answer } = await post(body);
  assert.ok(got >= 400 && got < 500, `expected 4xx for ${JSON.stringify(body).slice(0, 120)}, got ${got} ${JSON.stringify(answer)}`);
  if (status) assert.equal(got, status);
  assert.ok(answer.details?.fields?.[field], `field "${field}" is named in ${JSON.stringify(answer)}`);
  assert.deepEqual((await t.admin.listTopics()).sort(), before, 'nothing was created');
  return answer;
}

describe('create topic', () => {
  it('creates a topic with its partitions, replication factor and configs', async () => {
    const name = `created-${run}`;
    const { status, body } = await post({ ...valid(name), configs: { 'retention.ms': '3600000', 'cleanup.policy': 'compact' } });
    assert.equal(status, 200, JSON.stringify(body));
    createTopicResult.strict().parse(body);
    assert.deepEqual(body, { topic: name, validateOnly: false, created: true, warnings: {} });
    const meta = await t.admin.fetchTopicMetadata({ topics: [name] });
    assert.equal(meta.topics[0].partitions.length, 3);
    assert.ok(meta.topics[0].partitions.every((p) => p.replicas.length === 2));
    const configs = await t.admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name }] });
    const value = (n: string) => configs.resources[0].configEntries.find((e) => e.configName === n)?.configValue;
    assert.equal(value('retention.ms'), '3600000');
    assert.equal(value('cleanup.policy'), 'compact');
  });

  it('validateOnly asks the broker and creates nothing', async () => {
    const name = `validated-${run}`;
    const { status, body } = await post({ ...valid(name), validateOnly: true });
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.created, false);
    assert.equal(body.validateOnly, true);
    assert.ok(!(await t.admin.listTopics()).includes(name));
  });

  it('returns warnings that do not block (one replica)', async () => {
    const { status, body } = await post({ name: `single-${run}`, partitions: 1, replicationFactor: 1 });
    assert.equal(status, 200);
    assert.match(JSON.stringify(body.warnings), /single broker failure/);
  });

  it('refuses invalid names on the name field', async () => {
    for (const name of ['', '.', '..', 'a'.repeat(250), 'has space', 'slash/name', 'ünïcode', 'tab\tname', `existing_${run}`]) {
      await refusedOn(valid(name), 'name');
    }
    const answer = await refusedOn(valid('a'.repeat(250)), 'name', 400);
    assert.match(answer.details!.fields!.name, /249/);
  });

  it("shows the broker's verdict on a name that collides modulo '.' and '_'", async () => {
    const answer = await refusedOn(valid(`existing.${run}`), 'name');
    assert.match(answer.message, /collide/i);
  });

  it('refuses bad partition counts on the partitions field', async () => {
    for (const partitions of [0, -1, 1.5, '3', null, 10_001, 1e12]) {
      await refusedOn({ ...valid(`p-${run}`), partitions }, 'partitions', 400);
    }
    const { partitions: _omit, ...missing } = valid(`p-${run}`);
    await refusedOn(missing, 'partitions', 400);
  });

  it('refuses replication factors beyond the live brokers on the replicationFactor field', async () => {
    const answer = await refusedOn({ ...valid(`rf-${run}`), replicationFactor: 4 }, 'replicationFactor', 400);
    assert.match(answer.details!.fields!.replicationFactor, /Only 3 brokers are live/);
    for (const replicationFactor of [0, -3, 2.5, '2', 40_000]) {
      await refusedOn({ ...valid(`rf-${run}`), replicationFactor }, 'replicationFactor', 400);
    }
  });

  it('refuses unknown configs and bad values on configs.<name>', async () => {
    const typo = await refusedOn({ ...valid(`c-${run}`), configs: { 'retenion.ms': '1000' } }, 'configs.retenion.ms', 400);
    assert.match(typo.details!.fields!['configs.retenion.ms'], /did you mean "retention.ms"/);
    await refusedOn({ ...valid(`c-${run}`), configs: { 'retention.ms': 'a week' } }, 'configs.retention.ms', 400);
    await refusedOn({ ...valid(`c-${run}`), configs: { 'cleanup.policy': 'shred' } }, 'configs.cleanup.policy', 400);
    await refusedOn({ ...valid(`c-${run}`), configs: { 'segment.bytes': '1' } }, 'configs.segment.bytes', 400);
    await refusedOn({ ...valid(`c-${run}`), configs: { 'min.insync.replicas': '3' } }, 'configs.min.insync.replicas', 400);
    await refusedOn({ ...valid(`c-${run}`), configs: { 'retention.ms': 1000 } }, 'configs.retention.ms', 400);
    await refusedOn({ ...valid(`c-${run}`), configs: { 'Bad Key': '1' } }, 'configs.Bad Key', 400);
    await refusedOn({ ...valid(`c-${run}`), configs: ['retention.ms'] }, 'configs', 400);
  });

  it('refuses unknown body keys and bodies that are not JSON objects', async () => {
    await refusedOn({ ...valid(`k-${run}`), replication: 3 }, '_', 400);
    const { status } = await callRoute(create, { cluster: 'main' }, { rawBody: '{"name": "x",' });
    assert.equal(status, 400);
  });

  it('records successes and failures in the audit log, without secrets', async () => {
    await post({ ...valid(`audited-${run}`), configs: { 'ssl.keystore.password': 'hunter2' } });
    const entries = readAuditFile(t.console.auditFile);
    const mine = entries.filter((e) => e.target === `audited-${run}`);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].outcome, 'failure');
    assert.doesNotMatch(JSON.stringify(mine[0]), /hunter2/);
    assert.ok(entries.some((e) => e.target === `created-${run}` && e.outcome === 'success' && e.action === 'topic.create'));
    assert.ok(entries.some((e) => e.target === `validated-${run}` && e.action === 'topic.create.validate'));
  });
});
