// Producing with a schema through the produce route: the value is validated and encoded in the
// Confluent wire format, then read back with kafkajs and decoded by an independent serializer,
// @kafkajs/confluent-schema-registry. Needs the embedded cluster's Schema Registry: skipped when
// TEST_KAFKA_BROKERS points at an external cluster.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import type avro from 'avsc';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { produceResult, type ProduceResult } from '@/lib/api/produce';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { logicalTypes, longType } from '@/lib/schemas/codecs/avro';
import { callRoute } from '@/tests/support/console';
import { orderSchema } from './schema-fixtures';
import { waitFor } from '@/tests/support/wait';

const skip = process.env.TEST_KAFKA_BROKERS ? 'needs the embedded dev cluster and its Schema Registry' : false;

const paymentProto = `syntax = "proto3";
package shop.v1;
message Payment {
  string id = 1;
  repeated string tags = 2;
  int64 points = 3;
}`;

const typeHook = (s: unknown) => (s === 'long' || (typeof s === 'object' && s !== null && (s as { type?: string }).type === 'long' && !(s as { logicalType?: string }).logicalType) ? longType : undefined);

type ErrorBody = { code: string; message: string; details?: { fields?: Record<string, string> } };

describe('messages: produce with a schema', { skip }, () => {
  let cluster: DevCluster;
  let admin: Admin;
  let kafka: Kafka;
  let registry: SchemaRegistry;
  let produceRoute: typeof import('@/app/api/clusters/[cluster]/produce/route');
  const ids: Record<string, number> = {};

  const produce = async (body: unknown, clusterId = 'main') => {
    const res = await callRoute<ProduceResult & ErrorBody>(produceRoute.POST, { cluster: clusterId }, { body });
    if (res.status === 200) produceResult.strict().parse(res.body);
    return res;
  };
  const endOffset = async (topic: string) => Number((await admin.fetchTopicOffsets(topic))[0].high);
  /** The raw value at an offset, read with kafkajs. */
  async function readValue(topic: string, offset: number): Promise<Buffer> {
    const consumer = kafka.consumer({ groupId: `schema-produce-${topic}-${offset}-${Date.now()}` });
    await consumer.connect();
    let found: Buffer | undefined;
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (Number(message.offset) === offset) found = message.value ?? undefined;
        },
      });
      await waitFor(() => found !== undefined, { timeoutMs: 30_000, what: `offset ${offset} of ${topic}` });
    } finally {
      await consumer.disconnect();
    }
    return found!;
  }

  before(async () => {
    cluster = await startDevCluster({ brokers: 1, basePort: 0, schemaRegistry: { port: 0 } });
    const dir = mkdtempSync(join(tmpdir(), 'console-schema-produce-'));
    const configFile = join(dir, 'console.yaml');
    const brokers = `[${cluster.bootstrapServers.map((b) => JSON.stringify(b)).join(', ')}]`;
    writeFileSync(configFile, ['clusters:', '  - name: main', `    bootstrapServers: ${brokers}`, '    schemaRegistry:', `      url: ${cluster.schemaRegistryUrl}`, '  - name: noreg', `    bootstrapServers: ${brokers}`].join('\n'));
    process.env.CONSOLE_CONFIG = configFile;
    process.env.CONSOLE_AUDIT_FILE = join(dir, 'audit.log');
    produceRoute = await import('@/app/api/clusters/[cluster]/produce/route');
    registry = new SchemaRegistry({ host: cluster.schemaRegistryUrl! }, { [SchemaType.AVRO]: { logicalTypes, typeHook } as unknown as avro.ForSchemaOptions });
    ids.avro = (await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(orderSchema) }, { subject: 'orders-value' })).id;
    ids.proto = (await registry.register({ type: SchemaType.PROTOBUF, schema: paymentProto }, { subject: 'payments-value' })).id;
    kafka = new Kafka({ clientId: 'schema-produce-test', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: ['orders', 'payments'].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })) });
  });

  after(async () => {
    await admin?.disconnect().catch(() => undefined);
    const [{ closeProtocolClient }, { flushAudit }] = await Promise.all([import('@/lib/kafka/protocol-pool'), import('@/lib/server/audit')]);
    await flushAudit();
    for (const id of ['main', 'noreg']) await closeProtocolClient(id);
    await cluster?.close();
  });

  it('encodes an Avro value that an independent serializer decodes field by field', async () => {
    const value = { id: '9007199254740993', amount: '1234.56', at: '2026-12-03T10:20:30.456Z', customer: { id: 'c-7', tier: 'gold' } };
    const res = await produce({ topic: 'orders', key: 'o-1', value: JSON.stringify(value), valueSchema: { subject: 'orders-value' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.schemas, { value: { subject: 'orders-value', version: 1, id: ids.avro } });
    const bytes = await readValue('orders', res.body.offset);
    assert.equal(bytes[0], 0);
    assert.equal(bytes.readInt32BE(1), ids.avro);
    const decoded = (await registry.decode(bytes)) as { id: bigint; amount: Buffer; at: Date | number; customer: { id: string; tier: string | null } };
    assert.equal(BigInt(decoded.id as unknown as string), 9007199254740993n, 'the long beyond 2^53 is exact');
    assert.equal(String(decoded.amount), '1234.56');
    assert.equal(new Date(decoded.at as unknown as string).toISOString(), '2026-12-03T10:20:30.456Z');
    assert.deepEqual({ ...decoded.customer }, { id: 'c-7', tier: 'gold' });
  });

  it('encodes a Protobuf value with message indexes', async () => {
    const res = await produce({ topic: 'payments', value: JSON.stringify({ id: 'p-1', tags: ['a'], points: '9007199254740993' }), valueSchema: { subject: 'payments-value', version: 1 } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const bytes = await readValue('payments', res.body.offset);
    assert.equal(bytes.readInt32BE(1), ids.proto);
    assert.equal(bytes[5], 0, 'message indexes [0] as one zero byte');
    const decoded = (await registry.decode(bytes)) as { id: string; tags: string[]; points: { toString(): string } };
    assert.equal(decoded.id, 'p-1');
    assert.deepEqual(decoded.tags, ['a']);
    assert.equal(decoded.points.toString(), '9007199254740993');
  });

  it('refuses a value that does not fit, naming each field, and produces nothing', async () => {
    const before = await endOffset('orders');
    const value = { id: 1, amount: '2.50', customer: { id: 42, tier: null } };
    const res = await produce({ topic: 'orders', value: JSON.stringify(value), valueSchema: { subject: 'orders-value' } });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    const fields = res.body.details?.fields ?? {};
    assert.match(fields['value.customer.id'] ?? '', /string/);
    assert.match(fields['value.at'] ?? '', /Required/);
    assert.equal(Object.keys(fields).length, 2, JSON.stringify(fields));
    assert.equal(await endOffset('orders'), before);
  });

  it('answers 404 for an unknown subject, 400 without a registry, 400 for a value that is not JSON', async () => {
    const unknown = await produce({ topic: 'orders', value: '{}', valueSchema: { subject: 'nope-value' } });
    assert.equal(unknown.status, 404, JSON.stringify(unknown.body));
    const noRegistry = await produce({ topic: 'orders', value: '{}', valueSchema: { subject: 'orders-value' } }, 'noreg');
    assert.equal(noRegistry.status, 400);
    assert.ok(noRegistry.body.details?.fields?.valueSchema, JSON.stringify(noRegistry.body));
    const notJson = await produce({ topic: 'orders', value: 'plain', valueSchema: { subject: 'orders-value' } });
    assert.equal(notJson.status, 400);
    assert.ok(notJson.body.details?.fields?.value, JSON.stringify(notJson.body));
  });
});
