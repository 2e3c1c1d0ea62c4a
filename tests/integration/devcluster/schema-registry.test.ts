// The dev cluster's Schema Registry, driven by @kafkajs/confluent-schema-registry (a client
// written against Confluent's server) and by plain HTTP for what that client does not expose.
// Needs the embedded cluster itself (its registry, restarts with a dataDir): skipped when
// TEST_KAFKA_BROKERS points at an external cluster.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistry as RegistryClient, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';

const skip = process.env.TEST_KAFKA_BROKERS ? 'needs the embedded dev cluster and its Schema Registry' : false;
const MEDIA = 'application/vnd.schemaregistry.v1+json';

const payment = (fields: object[] = []) =>
  JSON.stringify({ type: 'record', name: 'Payment', namespace: 'demo', fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'long' }, ...fields] });

async function call(url: string, method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; json: unknown }> {
  const res = await fetch(url + pathname, {
    method,
    headers: { 'Content-Type': MEDIA, ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), json: await res.json() };
}

describe('dev cluster Schema Registry', { skip }, () => {
  let dataDir: string;
  let cluster: DevCluster;
  let url: string;
  let client: RegistryClient;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devcluster-registry-'));
    cluster = await startDevCluster({ brokers: 3, dataDir, schemaRegistry: { port: 0 } });
    url = cluster.schemaRegistryUrl!;
    client = new RegistryClient({ host: url });
  });

  after(async () => {
    await cluster.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores schemas in a compacted, single-partition _schemas topic replicated to every broker', async () => {
    const admin = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const meta = await admin.fetchTopicMetadata({ topics: ['_schemas'] });
      assert.equal(meta.topics[0].partitions.length, 1);
      assert.equal(meta.topics[0].partitions[0].replicas.length, 3);
      const configs = await admin.describeConfigs({ resources: [{ type: 2, name: '_schemas', configNames: ['cleanup.policy'] }], includeSynonyms: false });
      assert.equal(configs.resources[0].configEntries[0].configValue, 'compact');
    } finally {
      await admin.disconnect();
    }
  });

  it('registers, encodes and decodes Avro; the same schema again keeps its id', async () => {
    const { id } = await client.register({ type: SchemaType.AVRO, schema: payment() }, { subject: 'payments-value' });
    assert.equal((await client.register({ type: SchemaType.AVRO, schema: payment() }, { subject: 'payments-value' })).id, id);
    assert.equal(await client.getLatestSchemaId('payments-value'), id);
    const encoded = await client.encode(id, { id: 'p-1', amount: 1234 });
    assert.equal(encoded[0], 0);
    assert.equal(encoded.readInt32BE(1), id);
    assert.deepEqual({ ...(await client.decode(encoded)) }, { id: 'p-1', amount: 1234 });
    const version = await call(url, 'GET', '/subjects/payments-value/versions/latest');
    assert.equal(version.type, MEDIA);
    assert.deepEqual(version.json, { subject: 'payments-value', version: 1, id, schema: payment() });
  });

  it('registers, encodes and decodes Protobuf and JSON Schema', async () => {
    const proto = `syntax = "proto3";\npackage demo;\nmessage Shipment {\n  string id = 1;\n  repeated string items = 2;\n  oneof carrier { string courier = 3; int32 locker = 4; }\n}\n`;
    const p = await client.register({ type: SchemaType.PROTOBUF, schema: proto }, { subject: 'shipments-value' });
    assert.deepEqual({ ...(await client.decode(await client.encode(p.id, { id: 's-1', items: ['a', 'b'], locker: 7 }))) }, { id: 's-1', items: ['a', 'b'], locker: 7 });
    const byId = await call(url, 'GET', `/schemas/ids/${p.id}`);
    assert.deepEqual(byId.json, { schema: proto.trim(), schemaType: 'PROTOBUF' });

    const jsonSchema = JSON.stringify({ type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer' } }, required: ['sku'] });
    const j = await client.register({ type: SchemaType.JSON, schema: jsonSchema }, { subject: 'stock-value' });
    assert.deepEqual({ ...(await client.decode(await client.encode(j.id, { sku: 'X1', qty: 3 }))) }, { sku: 'X1', qty: 3 });
    assert.notEqual(j.id, p.id);
    assert.deepEqual((await call(url, 'GET', '/schemas/types')).json, ['JSON', 'PROTOBUF', 'AVRO']);
  });

  it('refuses an incompatible Avro version with 409 and the reason, and says why on ?verbose=true', async () => {
    const incompatible = payment([{ name: 'currency', type: 'string' }]);
    const check = await call(url, 'POST', '/compatibility/subjects/payments-value/versions/latest?verbose=true', { schema: incompatible });
    assert.equal((check.json as { is_compatible: boolean }).is_compatible, false);
    assert.match(JSON.stringify(check.json), /READER_FIELD_MISSING_DEFAULT_VALUE.*currency/);
    const refused = await call(url, 'POST', '/subjects/payments-value/versions', { schema: incompatible });
    assert.equal(refused.status, 409);
    assert.equal((refused.json as { error_code: number }).error_code, 409);
    assert.match((refused.json as { message: string }).message, /incompatible.*currency/);

    const compatible = payment([{ name: 'currency', type: 'string', default: 'EUR' }]);
    assert.equal(((await call(url, 'POST', '/compatibility/subjects/payments-value/versions', { schema: compatible })).json as { is_compatible: boolean }).is_compatible, true);
    assert.equal((await call(url, 'POST', '/subjects/payments-value/versions', { schema: compatible })).status, 200);
    assert.deepEqual((await call(url, 'GET', '/subjects/payments-value/versions')).json, [1, 2]);

    assert.deepEqual((await call(url, 'PUT', '/config/payments-value', { compatibility: 'NONE' })).json, { compatibility: 'NONE' });
    assert.equal((await call(url, 'POST', '/subjects/payments-value/versions', { schema: incompatible })).status, 200);
    assert.deepEqual((await call(url, 'GET', '/config/payments-value')).json, { compatibilityLevel: 'NONE' });
    assert.equal(((await call(url, 'GET', '/config/never-configured-value')).json as { error_code: number }).error_code, 40408);
    assert.deepEqual((await call(url, 'GET', '/config/never-configured-value?defaultToGlobal=true')).json, { compatibilityLevel: 'BACKWARD' });
  });

  it('soft-deletes, then hard-deletes, in that order only', async () => {
    await client.register({ type: SchemaType.AVRO, schema: payment() }, { subject: 'refunds-value' });
    const early = await call(url, 'DELETE', '/subjects/refunds-value?permanent=true');
    assert.deepEqual([early.status, (early.json as { error_code: number }).error_code], [404, 40405]);
    assert.deepEqual((await call(url, 'DELETE', '/subjects/refunds-value')).json, [1]);
    assert.equal(((await call(url, 'GET', '/subjects/refunds-value/versions')).json as { error_code: number }).error_code, 40401);
    assert.ok(!((await call(url, 'GET', '/subjects')).json as string[]).includes('refunds-value'));
    assert.ok(((await call(url, 'GET', '/subjects?deleted=true')).json as string[]).includes('refunds-value'));
    assert.equal(((await call(url, 'DELETE', '/subjects/refunds-value')).json as { error_code: number }).error_code, 40404);
    assert.deepEqual((await call(url, 'DELETE', '/subjects/refunds-value?permanent=true')).json, [1]);
    assert.ok(!((await call(url, 'GET', '/subjects?deleted=true')).json as string[]).includes('refunds-value'));
  });

  it('answers bad requests with an error body, never a crash', async () => {
    const bad = await call(url, 'POST', '/subjects/x-value/versions', '{"schema": ');
    assert.ok(bad.status >= 400 && bad.status < 500);
    assert.equal(typeof (bad.json as { error_code: number }).error_code, 'number');
    const invalid = await call(url, 'POST', '/subjects/x-value/versions', { schema: '{"type":"record","name":"R"}' });
    assert.deepEqual([invalid.status, (invalid.json as { error_code: number }).error_code], [422, 42201]);
    const version = await call(url, 'GET', '/subjects/payments-value/versions/zero');
    assert.equal((version.json as { error_code: number }).error_code, 42202);
    assert.equal(((await call(url, 'GET', '/schemas/ids/999999')).json as { error_code: number }).error_code, 40403);
    const huge = await rawRequest(url, `POST /subjects/x-value/versions HTTP/1.1\r\nHost: x\r\nContent-Type: ${MEDIA}\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n{`);
    assert.match(huge, /^HTTP\/1\.1 413/);
    assert.equal((await call(url, 'GET', '/subjects')).status, 200);
  });

  it('rebuilds its state from _schemas after a restart with the same dataDir', async () => {
    const before = (await call(url, 'GET', '/subjects')).json as string[];
    const latest = (await call(url, 'GET', '/subjects/payments-value/versions/latest')).json as { id: number; version: number };
    await cluster.close();
    cluster = await startDevCluster({ brokers: 3, dataDir, schemaRegistry: { port: 0 } });
    url = cluster.schemaRegistryUrl!;
    assert.deepEqual((await call(url, 'GET', '/subjects')).json, before);
    assert.deepEqual(((await call(url, 'GET', '/subjects/payments-value/versions/latest')).json as { id: number }).id, latest.id);
    assert.deepEqual((await call(url, 'GET', '/config/payments-value')).json, { compatibilityLevel: 'NONE' });
    // Ids stay global and are not reused: the hard-deleted subject's id is not handed out again.
    const fresh = (await call(url, 'POST', '/subjects/new-value/versions', { schema: '"string"' })).json as { id: number };
    assert.ok(fresh.id > latest.id, `new id ${fresh.id} after ${latest.id}`);
  });
});

describe('dev cluster Schema Registry with basic auth', { skip }, () => {
  let cluster: DevCluster;

  before(async () => {
    cluster = await startDevCluster({ brokers: 1, schemaRegistry: { port: 0, users: { alice: 's3cret' } } });
  });

  after(() => cluster.close());

  it('refuses requests without or with wrong credentials (401) and serves the right ones', async () => {
    const url = cluster.schemaRegistryUrl!;
    const none = await call(url, 'GET', '/subjects');
    assert.deepEqual([none.status, (none.json as { error_code: number }).error_code], [401, 401]);
    const wrong = await call(url, 'GET', '/subjects', undefined, { Authorization: `Basic ${Buffer.from('alice:nope').toString('base64')}` });
    assert.equal(wrong.status, 401);
    const client = new RegistryClient({ host: url, auth: { username: 'alice', password: 's3cret' } });
    const { id } = await client.register({ type: SchemaType.AVRO, schema: payment() }, { subject: 'a-value' });
    assert.equal(await client.getLatestSchemaId('a-value'), id);
  });
});

function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    let out = '';
    socket.on('data', (chunk) => {
      out += chunk.toString();
      if (out.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(out);
      }
    });
    socket.on('error', reject);
    socket.setTimeout(10_000, () => reject(new Error('no response')));
  });
}
