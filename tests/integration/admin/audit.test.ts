import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { auditPage, type AuditEntry, type AuditPage } from '@/lib/api/audit';
import { callRoute } from '@/tests/support/console';
import { readAuditFile, startAdminTest, type AdminTestContext } from './support';

// The audit log: successes, failures and refusals, durable across a restart of the console,
// filterable through GET audit, copied to a Kafka topic when one is configured (and still in the
// file when the topic cannot be written), and never holding a secret.

type Handler = Parameters<typeof callRoute>[0];
const run = Date.now().toString(36);
const auditTopic = `console-audit-${run}`;
let t: AdminTestContext;
let create: Handler;
let patch: Handler;
let list: Handler;

before(async () => {
  process.env.CONSOLE_AUDIT_TOPIC = auditTopic;
  t = await startAdminTest();
  await t.admin.createTopics({ topics: [{ topic: auditTopic, numPartitions: 1, replicationFactor: 1 }] });
  create = (await import('@/app/api/clusters/[cluster]/topics/route')).POST;
  patch = (await import('@/app/api/clusters/[cluster]/topics/[topic]/configs/route')).PATCH;
  list = (await import('@/app/api/clusters/[cluster]/audit/route')).GET;
  await callRoute(create, { cluster: 'main' }, { body: { name: `a-ok-${run}`, partitions: 1, replicationFactor: 1 } });
  await callRoute(create, { cluster: 'main' }, { body: { name: `a-bad name-${run}`, partitions: 1, replicationFactor: 1 } });
  await callRoute(patch, { cluster: 'main', topic: `a-ok-${run}` }, { method: 'PATCH', body: { set: { 'retention.ms': '60000' } } });
  await callRoute(patch, { cluster: 'main', topic: `a-ok-${run}` }, { method: 'PATCH', body: { set: { 'ssl.truststore.password': 'hunter2-secret' } } });
  await callRoute(create, { cluster: 'locked' }, { body: { name: `a-locked-${run}`, partitions: 1, replicationFactor: 1 } });
  await callRoute(create, { cluster: 'down' }, { body: { name: `a-down-${run}`, partitions: 1, replicationFactor: 1 } });
  const { flushAudit } = await import('@/lib/server/audit');
  await flushAudit();
});
after(async () => {
  delete process.env.CONSOLE_AUDIT_TOPIC;
  await t?.close();
});

const page = async (cluster: string, query: Record<string, string> = {}) => {
  const { status, body } = await callRoute<AuditPage>(list, { cluster }, { query });
  assert.equal(status, 200, JSON.stringify(body));
  return auditPage.strict().parse(body);
};

describe('audit log', () => {
  it('records successes, failures and refusals with who, what, target and outcome', () => {
    const entries = readAuditFile(t.console.auditFile);
    const find = (target: string) => entries.find((e) => e.target === target);
    assert.equal(find(`a-ok-${run}`)?.outcome, 'success');
    assert.equal(find(`a-ok-${run}`)?.action, 'topic.create');
    assert.deepEqual(find(`a-ok-${run}`)?.parameters, { partitions: 1, replicationFactor: 1, configs: {}, validateOnly: false });
    assert.equal(find(`a-bad name-${run}`)?.outcome, 'failure');
    assert.match(find(`a-bad name-${run}`)?.error ?? '', /may only contain/);
    const refused = entries.find((e) => e.cluster === 'locked');
    assert.equal(refused?.outcome, 'refused');
    assert.match(JSON.stringify(refused?.parameters), new RegExp(`a-locked-${run}`), 'a refusal records what was attempted');
    assert.equal(find(`a-down-${run}`)?.outcome, 'failure');
    for (const e of entries) {
      assert.ok(e.time && e.clientAddress && e.cluster && e.action && typeof e.durationMs === 'number', JSON.stringify(e));
    }
  });

  it('never writes a secret, in parameters or in the error', () => {
    const text = JSON.stringify(readAuditFile(t.console.auditFile));
    assert.doesNotMatch(text, /hunter2-secret/);
    assert.match(text, /\[redacted\]/);
  });

  it('GET audit: newest first, per cluster, filtered, paginated', async () => {
    const all = await page('main');
    const targets = all.entries.map((e) => e.target);
    const creates = all.entries.filter((e) => e.action === 'topic.create').map((e) => e.target);
    assert.deepEqual(creates, [`a-bad name-${run}`, `a-ok-${run}`], 'newest first');
    assert.ok(all.entries.every((e) => e.cluster === 'main'));
    assert.deepEqual((await page('main', { outcome: 'failure' })).entries.map((e) => e.outcome), ['failure', 'failure']);
    assert.deepEqual((await page('main', { action: 'topic.configs' })).entries.length, 2);
    assert.deepEqual((await page('main', { target: 'BAD NAME' })).entries.map((e) => e.target), [`a-bad name-${run}`]);
    assert.equal((await page('main', { q: '60000' })).entries.length, 1);
    assert.equal((await page('main', { from: new Date(Date.now() + 60_000).toISOString() })).entries.length, 0);
    assert.equal((await page('main', { to: new Date(Date.now() - 3_600_000).toISOString() })).entries.length, 0);
    assert.equal((await page('locked')).entries[0].outcome, 'refused');

    const first = await page('main', { limit: '2' });
    assert.equal(first.entries.length, 2);
    assert.ok(first.nextCursor);
    const second = await page('main', { limit: '2', cursor: first.nextCursor! });
    assert.deepEqual([...first.entries, ...second.entries].map((e) => e.target), targets.slice(0, 4));
  });

  it('GET audit refuses bad filters with the parameter named', async () => {
    const bad: Record<string, string>[] = [{ outcome: 'maybe' }, { from: 'yesterday' }, { limit: '0' }, { cursor: 'abc' }, { sort: 'asc' }];
    for (const query of bad) {
      const { status, body } = await callRoute<{ details?: { fields?: Record<string, string> } }>(list, { cluster: 'main' }, { query });
      assert.equal(status, 400, JSON.stringify(query));
      assert.ok(Object.keys(body.details?.fields ?? {}).length > 0);
    }
    assert.equal((await callRoute(list, { cluster: 'nope' })).status, 404);
  });

  it('survives a restart: a new console process reads the entries back', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/integration/admin/audit-child.ts', 'main'], {
      env: process.env,
      timeout: 60_000,
    });
    const { status, body } = JSON.parse(stdout) as { status: number; body: AuditPage };
    assert.equal(status, 200);
    const targets = body.entries.map((e) => e.target);
    assert.ok(targets.includes(`a-ok-${run}`) && targets.includes(`a-bad name-${run}`), targets.join(', '));
  });

  it('copies entries to the audit topic as JSON; when the topic cannot be written the file still has them', async () => {
    const consumer = t.kafka.consumer({ groupId: `audit-reader-${run}` });
    await consumer.connect();
    await consumer.subscribe({ topic: auditTopic, fromBeginning: true });
    const seen: AuditEntry[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(JSON.parse(message.value!.toString()) as AuditEntry) });
    const deadline = Date.now() + 15_000;
    while (seen.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await consumer.disconnect();
    const targets = seen.map((e) => e.target);
    assert.ok(targets.includes(`a-ok-${run}`), targets.join(', '));
    assert.ok(targets.includes(`a-bad name-${run}`), 'failures go to the topic too');
    assert.ok(!targets.includes(`a-locked-${run}`), 'nothing is written to a read-only cluster');
    assert.ok(!targets.includes(`a-down-${run}`), 'the unreachable cluster got nothing');
    assert.doesNotMatch(JSON.stringify(seen), /hunter2-secret/);
    assert.ok(readAuditFile(t.console.auditFile).some((e) => e.target === `a-down-${run}`), '... but the file has it');
  });
});
