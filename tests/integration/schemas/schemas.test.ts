import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import type { CompatibilityVerdict, SubjectDetail, SubjectsAnswer } from '@/lib/api/schemas';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { callRoute } from '@/tests/support/console';

// The schema routes against the dev cluster's embedded Schema Registry, plus clusters whose
// registry is a closed port ("closed") or a server that accepts connections and never answers
// ("silent"). Needs the embedded registry, so it is skipped against an external cluster.

const external = Boolean(process.env.TEST_KAFKA_BROKERS);
let cluster: DevCluster;
let silent: net.Server;
const held: net.Socket[] = [];
type Routes = {
  list: typeof import('@/app/api/clusters/[cluster]/schemas/route');
  subject: typeof import('@/app/api/clusters/[cluster]/schemas/[subject]/route');
  check: typeof import('@/app/api/clusters/[cluster]/schemas/[subject]/compatibility-check/route');
  versions: typeof import('@/app/api/clusters/[cluster]/schemas/[subject]/versions/route');
  version: typeof import('@/app/api/clusters/[cluster]/schemas/[subject]/versions/[version]/route');
  config: typeof import('@/app/api/clusters/[cluster]/schemas/[subject]/config/route');
};
let r: Routes;

const run = Date.now().toString(36);
const topic = `users-${run}`;
const subject = `${topic}-value`;
const v1 = JSON.stringify({ type: 'record', name: 'User', fields: [{ name: 'id', type: 'long' }] });
const v2 = JSON.stringify({ type: 'record', name: 'User', fields: [{ name: 'id', type: 'long' }, { name: 'email', type: 'string', default: '' }] });
const incompatible = JSON.stringify({ type: 'record', name: 'User', fields: [{ name: 'id', type: 'string' }, { name: 'email', type: 'string', default: '' }] });

before(async () => {
  if (external) return;
  cluster = await startDevCluster({ brokers: 1, basePort: 0, schemaRegistry: { port: 0 } });
  silent = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as net.AddressInfo).port;
  const brokers = `[${cluster.bootstrapServers.map((b) => JSON.stringify(b)).join(', ')}]`;
  const dir = mkdtempSync(join(tmpdir(), 'console-schemas-'));
  const configFile = join(dir, 'console.yaml');
  writeFileSync(
    configFile,
    [
      'readOnly: false',
      'clusters:',
      ...['main', 'locked', 'closed', 'silent', 'plain'].flatMap((name) => [
        `  - name: ${name}`,
        `    bootstrapServers: ${brokers}`,
        ...(name === 'locked' ? ['    readOnly: true'] : []),
        ...(name === 'plain' ? [] : ['    schemaRegistry:', `      url: ${name === 'closed' ? 'http://127.0.0.1:1' : name === 'silent' ? `http://127.0.0.1:${silentPort}` : cluster.schemaRegistryUrl}`]),
      ]),
    ].join('\n'),
  );
  process.env.CONSOLE_CONFIG = configFile;
  process.env.CONSOLE_AUDIT_FILE = join(dir, 'audit.log');
  const kafka = new Kafka({ clientId: 'schemas-test', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  await admin.disconnect();
  r = {
    list: await import('@/app/api/clusters/[cluster]/schemas/route'),
    subject: await import('@/app/api/clusters/[cluster]/schemas/[subject]/route'),
    check: await import('@/app/api/clusters/[cluster]/schemas/[subject]/compatibility-check/route'),
    versions: await import('@/app/api/clusters/[cluster]/schemas/[subject]/versions/route'),
    version: await import('@/app/api/clusters/[cluster]/schemas/[subject]/versions/[version]/route'),
    config: await import('@/app/api/clusters/[cluster]/schemas/[subject]/config/route'),
  };
});

after(async () => {
  if (external) return;
  for (const s of held) s.destroy();
  silent?.close();
  const [{ flushAudit }, { closeProtocolClient }] = await Promise.all([import('@/lib/server/audit'), import('@/lib/kafka/protocol-pool')]);
  await flushAudit();
  for (const id of ['main', 'locked', 'closed', 'silent', 'plain']) await closeProtocolClient(id);
  await cluster?.close();
});

const versionsOf = async (cluster = 'main') => (await callRoute<SubjectDetail>(r.subject.GET, { cluster, subject })).body.versions?.map((v) => v.version);

describe('schema routes', { skip: external && 'needs the embedded Schema Registry' }, () => {
  it('registers v1, then a compatible v2, and lists the subject with its topic', async () => {
    const first = await callRoute<{ id: number; version: number }>(r.versions.POST, { cluster: 'main', subject }, { body: { schemaType: 'AVRO', schema: v1 } });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.version, 1);
    const check = await callRoute<CompatibilityVerdict>(r.check.POST, { cluster: 'main', subject }, { body: { schemaType: 'AVRO', schema: v2 } });
    assert.equal(check.status, 200);
    assert.equal(check.body.compatible, true);
    const second = await callRoute<{ version: number }>(r.versions.POST, { cluster: 'main', subject }, { body: { schema: v2 } });
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(second.body.version, 2);

    const list = await callRoute<SubjectsAnswer>(r.list.GET, { cluster: 'main' });
    assert.equal(list.status, 200);
    assert.equal(list.body.registry?.url, cluster.schemaRegistryUrl);
    const row = list.body.subjects.find((s) => s.subject === subject);
    assert.deepEqual(row && { v: row.latestVersion, n: row.versionCount, t: row.topics, type: row.schemaType }, { v: 2, n: 2, t: [topic], type: 'AVRO' });

    const detail = await callRoute<SubjectDetail>(r.subject.GET, { cluster: 'main', subject });
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body.versions.map((v) => v.version), [1, 2]);
    assert.match(detail.body.versions[1].schema, /email/);
    assert.deepEqual(detail.body.topics, [topic]);
    assert.equal(detail.body.compatibility.own, false);
  });

  it('refuses an incompatible schema with 409 and the reason, registering nothing', async () => {
    const check = await callRoute<CompatibilityVerdict>(r.check.POST, { cluster: 'main', subject }, { body: { schema: incompatible } });
    assert.equal(check.body.compatible, false);
    assert.ok(check.body.messages.length > 0);
    const res = await callRoute<{ code: string; message: string; details: { messages: string[] } }>(r.versions.POST, { cluster: 'main', subject }, { body: { schema: incompatible } });
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.match(res.body.message, /not BACKWARD compatible/);
    assert.ok(res.body.details.messages.length > 0);
    assert.deepEqual(await versionsOf(), [1, 2]);
  });

  it('answers 422 naming the field for a schema that does not parse, 400 for a bad body', async () => {
    const res = await callRoute<{ message: string; details: { fields: Record<string, string> } }>(r.versions.POST, { cluster: 'main', subject }, { body: { schema: '{"type": "record", "name": ' } });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.ok(res.body.details.fields.schema);
    const bad = await callRoute<{ message: string }>(r.versions.POST, { cluster: 'main', subject }, { body: { schema: v2, schemaType: 'XML' } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /schemaType/);
    assert.deepEqual(await versionsOf(), [1, 2]);
  });

  it('changes the compatibility level, then NONE lets the incompatible one in, then resets to global', async () => {
    const set = await callRoute<{ compatibility: { level: string; own: boolean } }>(r.config.PUT, { cluster: 'main', subject }, { method: 'PUT', body: { compatibility: 'NONE' } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(set.body.compatibility, { level: 'NONE', own: true });
    const third = await callRoute<{ version: number }>(r.versions.POST, { cluster: 'main', subject }, { body: { schema: incompatible } });
    assert.equal(third.status, 200, JSON.stringify(third.body));
    assert.equal(third.body.version, 3);
    const reset = await callRoute<{ compatibility: { level: string; own: boolean } }>(r.config.PUT, { cluster: 'main', subject }, { method: 'PUT', body: { compatibility: null } });
    assert.deepEqual(reset.body.compatibility, { level: 'BACKWARD', own: false });
    const wrong = await callRoute(r.config.PUT, { cluster: 'main', subject }, { method: 'PUT', body: { compatibility: 'SOMETIMES' } });
    assert.equal(wrong.status, 400);
  });

  it('refuses writes on a read-only cluster, but still checks compatibility there', async () => {
    const reg = await callRoute<{ code: string }>(r.versions.POST, { cluster: 'locked', subject }, { body: { schema: v2 } });
    assert.deepEqual([reg.status, reg.body.code], [403, 'read_only']);
    const del = await callRoute<{ code: string }>(r.subject.DELETE, { cluster: 'locked', subject }, { method: 'DELETE', body: { confirm: subject } });
    assert.deepEqual([del.status, del.body.code], [403, 'read_only']);
    const cfg = await callRoute<{ code: string }>(r.config.PUT, { cluster: 'locked', subject }, { method: 'PUT', body: { compatibility: 'NONE' } });
    assert.equal(cfg.status, 403);
    const check = await callRoute<CompatibilityVerdict>(r.check.POST, { cluster: 'locked', subject }, { body: { schema: v2 } });
    assert.equal(check.status, 200);
    assert.deepEqual(await versionsOf(), [1, 2, 3]);
  });

  it('deletes a version, then the subject softly, then permanently, each only with the name typed', async () => {
    const unconfirmed = await callRoute<{ details: { fields: Record<string, string> } }>(r.version.DELETE, { cluster: 'main', subject, version: '3' }, { method: 'DELETE', body: { confirm: 'nope' } });
    assert.equal(unconfirmed.status, 400);
    assert.ok(unconfirmed.body.details.fields.confirm);
    const missing = await callRoute(r.subject.DELETE, { cluster: 'main', subject }, { method: 'DELETE' });
    assert.equal(missing.status, 400);
    assert.deepEqual(await versionsOf(), [1, 2, 3]);

    const version = await callRoute(r.version.DELETE, { cluster: 'main', subject, version: '3' }, { method: 'DELETE', body: { confirm: subject } });
    assert.equal(version.status, 200, JSON.stringify(version.body));
    assert.deepEqual(await versionsOf(), [1, 2]);

    const hardFirst = await callRoute(r.subject.DELETE, { cluster: 'main', subject }, { method: 'DELETE', query: { permanent: 'true' }, body: { confirm: subject } });
    assert.ok(hardFirst.status >= 400 && hardFirst.status < 500, `permanent before soft: ${hardFirst.status}`);

    const soft = await callRoute<{ versions: number[] }>(r.subject.DELETE, { cluster: 'main', subject }, { method: 'DELETE', body: { confirm: subject } });
    assert.equal(soft.status, 200, JSON.stringify(soft.body));
    assert.deepEqual(soft.body.versions, [1, 2]);
    assert.equal((await callRoute(r.subject.GET, { cluster: 'main', subject })).status, 404);
    const withDeleted = await callRoute<SubjectDetail>(r.subject.GET, { cluster: 'main', subject }, { query: { deleted: 'true' } });
    assert.equal(withDeleted.status, 200);
    assert.ok(withDeleted.body.versions.every((v) => v.deleted));

    const hard = await callRoute(r.subject.DELETE, { cluster: 'main', subject }, { method: 'DELETE', query: { permanent: 'true' }, body: { confirm: subject } });
    assert.equal(hard.status, 200, JSON.stringify(hard.body));
    assert.equal((await callRoute(r.subject.GET, { cluster: 'main', subject }, { query: { deleted: 'true' } })).status, 404);
  });

  it('answers registry: null for a cluster without a registry', async () => {
    const res = await callRoute<SubjectsAnswer>(r.list.GET, { cluster: 'plain' });
    assert.deepEqual(res.body, { registry: null, subjects: [] });
  });

  it('answers 503 quickly when the registry port is closed', async () => {
    const started = Date.now();
    const res = await callRoute<{ message: string }>(r.list.GET, { cluster: 'closed' });
    assert.equal(res.status, 503);
    assert.match(res.body.message, /cannot be reached/);
    assert.ok(Date.now() - started < 3_000, `${Date.now() - started} ms`);
  });

  it('answers 504 within about 5 s when the registry never answers', async () => {
    const started = Date.now();
    const res = await callRoute<{ message: string }>(r.list.GET, { cluster: 'silent' });
    const took = Date.now() - started;
    assert.equal(res.status, 504);
    assert.match(res.body.message, /did not answer/);
    assert.ok(took >= 4_500 && took < 7_000, `${took} ms`);
  });
});
