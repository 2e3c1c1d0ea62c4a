// Wire-format messages decoded with their schemas by the message routes: schemas registered in
// the dev cluster's Schema Registry and values encoded by @kafkajs/confluent-schema-registry
// (an independent serializer), produced with kafkajs. Needs the embedded cluster's registry:
// skipped when TEST_KAFKA_BROKERS points at an external cluster.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import avro from 'avsc';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import protobuf from 'protobufjs';
import { browseResult, type Message, type SearchEvent } from '@/lib/api/messages';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { logicalTypes, longType } from '@/lib/schemas/codecs/avro';
import { writeWireFrame } from '@/lib/schemas/wire-format';
import { callRoute } from '@/tests/support/console';
import { orderSchema } from './schema-fixtures';
import { callRaw, readNdjson } from './support';

const skip = process.env.TEST_KAFKA_BROKERS ? 'needs the embedded dev cluster and its Schema Registry' : false;

const paymentProto = `syntax = "proto3";
package shop.v1;
message Payment {
  string id = 1;
  repeated string tags = 2;
  oneof method { string card = 3; int64 points = 4; }
}`;

const noteSchema = { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] };

// "ann" may not see the customer ids of orders; "bob" sees everything.
const AUTH = [
  'auth:',
  '  sessionSecret: "schema-test-secret-0123456789-abcdef"',
  '  users:',
  '    - { username: ann, passwordHash: "$2b$04$abcdefghijklmnopqrstuu", roles: [support] }',
  '    - { username: bob, passwordHash: "$2b$04$abcdefghijklmnopqrstuu", roles: [ops] }',
  '  roles:',
  '    - name: support',
  '      actions: [view, messages:read]',
  '      masking:',
  '        - { topics: ["orders"], fields: [value.customer.id], action: mask }',
  '    - name: ops',
  '      actions: [view, messages:read]',
];

/** avsc with exact longs, for the serializer (its default long type refuses values beyond 2^53). */
const typeHook = (s: unknown) => (s === 'long' || (typeof s === 'object' && s !== null && (s as { type?: string }).type === 'long' && !(s as { logicalType?: string }).logicalType) ? longType : undefined);

describe('messages: schema decoding', { skip }, () => {
  let cluster: DevCluster;
  let producer: Producer;
  let registry: SchemaRegistry;
  let browseRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
  let searchRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
  const ids: Record<string, number> = {};

  const cookies: Record<string, Record<string, string>> = {};
  const browse = async (clusterId: string, topic: string, user = 'bob') => {
    const { status, body } = await callRoute(browseRoute.GET, { cluster: clusterId, topic }, { query: { start: 'earliest', order: 'asc', limit: '100' }, headers: cookies[user] });
    assert.equal(status, 200, JSON.stringify(body));
    return browseResult.parse(body).messages;
  };
  const search = async (topic: string, query: Record<string, string>, user = 'bob') => {
    const response = await callRaw(searchRoute.GET, { cluster: 'main', topic }, { query: { start: 'earliest', order: 'asc', ...query }, headers: cookies[user] });
    assert.equal(response.status, 200, await response.clone().text());
    const events = await readNdjson<SearchEvent>(response);
    return events.filter((e) => e.type === 'message').map((e) => (e as { message: Message }).message);
  };

  before(async () => {
    cluster = await startDevCluster({ brokers: 1, basePort: 0, schemaRegistry: { port: 0 } });
    const dir = mkdtempSync(join(tmpdir(), 'console-schema-test-'));
    const configFile = join(dir, 'console.yaml');
    const brokers = `[${cluster.bootstrapServers.map((b) => JSON.stringify(b)).join(', ')}]`;
    writeFileSync(
      configFile,
      ['clusters:', '  - name: main', `    bootstrapServers: ${brokers}`, '    schemaRegistry:', `      url: ${cluster.schemaRegistryUrl}`, '  - name: noreg', `    bootstrapServers: ${brokers}`, '    schemaRegistry:', '      url: http://127.0.0.1:1', ...AUTH].join('\n'),
    );
    process.env.CONSOLE_CONFIG = configFile;
    process.env.CONSOLE_AUDIT_FILE = join(dir, 'audit.log');
    browseRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
    searchRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
    const { appConfig } = await import('@/lib/kafka/clusters');
    const { newSession, signSession, SESSION_COOKIE } = await import('@/lib/auth/session');
    const { auth } = await appConfig();
    for (const name of ['ann', 'bob']) cookies[name] = { cookie: `${SESSION_COOKIE}=${await signSession(auth, newSession(auth, { name, method: 'local' }))}` };

    registry = new SchemaRegistry({ host: cluster.schemaRegistryUrl! }, { [SchemaType.AVRO]: { logicalTypes, typeHook } as unknown as avro.ForSchemaOptions });
    ids.avro = (await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(orderSchema) }, { subject: 'orders-value' })).id;
    ids.proto = (await registry.register({ type: SchemaType.PROTOBUF, schema: paymentProto }, { subject: 'payments-value' })).id;
    ids.json = (await registry.register({ type: SchemaType.JSON, schema: JSON.stringify(noteSchema) }, { subject: 'notes-value' })).id;

    const kafka = new Kafka({ clientId: 'schema-test', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: ['orders', 'payments', 'notes'].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })) });
    await admin.disconnect();
    producer = kafka.producer();
    await producer.connect();
    const orders = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        registry.encode(ids.avro, { id: 9007199254740993n + BigInt(i), amount: `${i}.05`, at: '2026-12-03T10:20:30.456Z', customer: { id: `c-${i % 4}`, tier: i % 2 ? 'gold' : null } }),
      ),
    );
    await producer.send({ topic: 'orders', messages: [...orders.map((value, i) => ({ key: `o-${i}`, value })), { key: 'plain', value: '{"id":1}' }] });
    await producer.send({
      topic: 'payments',
      messages: [
        { value: await registry.encode(ids.proto, { id: 'p-1', tags: ['a', 'b'], points: (protobuf.util.Long as unknown as { fromString(s: string): unknown }).fromString('9007199254740993') }) },
        { value: await registry.encode(ids.proto, { id: 'p-2', tags: [], card: '4111' }) },
        // As Confluent's serializers write it: message indexes [0] as one zero byte.
        { value: Buffer.from(writeWireFrame(ids.proto, (await registry.encode(ids.proto, { id: 'p-3', tags: ['c'], card: '5' })).subarray(5), [0])) },
      ],
    });
    await producer.send({ topic: 'notes', messages: [{ value: await registry.encode(ids.json, { text: 'hello' }) }] });
  });

  after(async () => {
    await producer?.disconnect().catch(() => undefined);
    const [{ closeProtocolClient }, { flushAudit }] = await Promise.all([import('@/lib/kafka/protocol-pool'), import('@/lib/server/audit')]);
    await flushAudit();
    for (const id of ['main', 'noreg']) await closeProtocolClient(id);
    await cluster?.close();
  });

  it('browse decodes Avro values field by field, with subject, version and id', async () => {
    const messages = await browse('main', 'orders');
    assert.equal(messages.length, 21);
    const first = messages[0].value!;
    assert.deepEqual(first.schema, { id: ids.avro, type: 'AVRO', subject: 'orders-value', version: 1 });
    assert.deepEqual(first.decoded, { id: '9007199254740993', amount: '0.05', at: '2026-12-03T10:20:30.456Z', customer: { id: 'c-0', tier: null } });
    assert.deepEqual(messages[5].value!.decoded, { id: '9007199254740998', amount: '5.05', at: '2026-12-03T10:20:30.456Z', customer: { id: 'c-1', tier: 'gold' } });
    assert.equal(first.encoding, 'base64', 'the stored bytes are still there');
    assert.equal(messages[0].key!.schema, undefined, 'a text key is not a wire frame');
    const plain = messages[20].value!;
    assert.equal(plain.data, '{"id":1}');
    assert.equal(plain.schema, undefined);
    assert.equal(plain.decoded, undefined);
  });

  it('decodes Protobuf (oneof, repeated, int64) and JSON Schema values', async () => {
    const payments = await browse('main', 'payments');
    assert.deepEqual(payments[0].value!.schema, { id: ids.proto, type: 'PROTOBUF', subject: 'payments-value', version: 1 });
    assert.equal(payments[0].value!.schemaError, undefined);
    assert.deepEqual(payments[0].value!.decoded, { id: 'p-1', tags: ['a', 'b'], points: '9007199254740993', method: 'points' });
    assert.deepEqual(payments[1].value!.decoded, { id: 'p-2', tags: [], card: '4111', method: 'card' });
    assert.deepEqual(payments[2].value!.decoded, { id: 'p-3', tags: ['c'], card: '5', method: 'card' });
    const notes = await browse('main', 'notes');
    assert.deepEqual(notes[0].value!.decoded, { text: 'hello' });
    assert.equal(notes[0].value!.schema?.type, 'JSON');
  });

  it('search and filters see the decoded fields', async () => {
    const byFilter = await search('orders', { filter: 'value.customer.id == "c-2"' });
    assert.deepEqual(byFilter.map((m) => m.offset), [2, 6, 10, 14, 18]);
    const byValue = await search('orders', { value: '"tier":"gold"' });
    assert.equal(byValue.length, 10);
    assert.ok(byValue.every((m) => (m.value!.decoded as { customer: { tier: string } }).customer.tier === 'gold'));
  });

  it('masking applies to the decoded fields, and search cannot probe a masked one', async () => {
    const messages = await browse('main', 'orders', 'ann');
    const first = messages[0].value!;
    assert.deepEqual(first.decoded, { id: '9007199254740993', amount: '0.05', at: '2026-12-03T10:20:30.456Z', customer: { id: '***', tier: null } });
    assert.equal(first.encoding, 'utf8', 'the masked JSON stands in for the stored bytes');
    const text = JSON.stringify(messages);
    assert.ok(!/c-[0-3]"/.test(text.replace(/"o-\d+"/g, '')), `a customer id leaked: ${text.slice(0, 400)}`);
    assert.deepEqual(await search('orders', { filter: 'value.customer.id == "c-2"' }, 'ann'), []);
    assert.deepEqual(await search('orders', { value: 'c-2' }, 'ann'), []);
    assert.equal((await search('orders', { value: 'c-2' }, 'bob')).length, 5);
  });

  it('a registry that cannot be reached leaves the messages raw with the reason, quickly', async () => {
    const started = Date.now();
    const messages = await browse('noreg', 'orders');
    assert.ok(Date.now() - started < 7_000, `took ${Date.now() - started} ms`);
    assert.equal(messages.length, 21);
    assert.equal(messages[0].value!.decoded, undefined);
    assert.match(messages[0].value!.schemaError ?? '', /could not be looked up.*cannot be reached/);
    assert.equal(Buffer.from(messages[0].value!.data, 'base64')[0], 0, 'the raw wire frame is sent');
  });
});
