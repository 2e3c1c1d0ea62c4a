// Demo topics whose values are encoded against the dev cluster's Schema Registry, in Confluent's
// wire format: magic byte 0, the schema id (4 bytes, big-endian), then for Protobuf the message
// indexes (a single 0 byte: the first message type), then the payload. Subjects follow
// TopicNameStrategy (`<topic>-value`). `customers.avro` has three compatible versions, and its
// history holds records written with each of them.
import avsc from 'avsc';
import protobuf from 'protobufjs';
import type { SchemaRegistry } from '../schema-registry/registry';
import type { DemoRecord } from './generators';
import { partitionForKey } from './partitioner';
import type { Random } from './random';
import { partitionCount, type DemoCluster } from './types';

const PAYMENT = {
  type: 'record',
  name: 'Payment',
  namespace: 'demo.payments',
  fields: [
    { name: 'paymentId', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'currency', type: { type: 'enum', name: 'Currency', symbols: ['EUR', 'USD', 'GBP', 'JPY'] } },
    { name: 'sequence', type: 'long' },
    { name: 'createdAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    {
      name: 'card',
      type: { type: 'record', name: 'Card', fields: [{ name: 'brand', type: 'string' }, { name: 'last4', type: 'string' }, { name: 'expiry', type: ['null', 'string'], default: null }] },
    },
  ],
};

const customerV1 = { type: 'record', name: 'Customer', namespace: 'demo.crm', fields: [{ name: 'customerId', type: 'string' }, { name: 'name', type: 'string' }] };
const customerV2 = { ...customerV1, fields: [...customerV1.fields, { name: 'email', type: ['null', 'string'], default: null }] };
const customerV3 = { ...customerV2, fields: [...customerV2.fields, { name: 'tier', type: { type: 'enum', name: 'Tier', symbols: ['BRONZE', 'SILVER', 'GOLD'], default: 'BRONZE' }, default: 'BRONZE' }] };
const CUSTOMER_VERSIONS = [customerV1, customerV2, customerV3];

export const SHIPMENT_PROTO = `syntax = "proto3";
package demo.logistics;

message Shipment {
  string shipment_id = 1;
  repeated Item items = 2;
  oneof destination {
    Address address = 3;
    string pickup_point = 4;
  }
  int64 created_at_ms = 5;
}

message Item {
  string sku = 1;
  int32 quantity = 2;
}

message Address {
  string street = 1;
  string city = 2;
  string country = 3;
}
`;

const MIB = 1024 * 1024;
const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Radia', 'Edsger'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Perlman', 'Dijkstra'];
const BRANDS = ['VISA', 'MASTERCARD', 'AMEX'];
const CITIES = [['Berlin', 'DE'], ['Lisbon', 'PT'], ['Austin', 'US'], ['Osaka', 'JP']] as const;

export interface SchemaDemoTopic {
  name: string;
  partitions: number;
  /** Messages per second while the demo runs. */
  rate: number;
  backfill: number;
}

export const SCHEMA_DEMO_TOPICS: readonly SchemaDemoTopic[] = [
  { name: 'payments.avro', partitions: 3, rate: 2, backfill: 300 },
  { name: 'customers.avro', partitions: 2, rate: 0.5, backfill: 150 },
  { name: 'shipments.proto', partitions: 2, rate: 1, backfill: 200 },
];

/** Two's-complement big-endian bytes of an unscaled decimal, as Avro's decimal logical type stores it. */
export function decimalBytes(unscaled: bigint): Buffer {
  let hex = (unscaled < 0n ? (1n << 64n) + unscaled : unscaled).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let buf = Buffer.from(hex, 'hex');
  if (unscaled >= 0n && buf[0] & 0x80) buf = Buffer.concat([Buffer.from([0]), buf]);
  if (unscaled < 0n) while (buf.length > 1 && buf[0] === 0xff && buf[1] & 0x80) buf = buf.subarray(1);
  return buf;
}

export function wireFormat(id: number, payload: Buffer, messageIndexes: Buffer | null = null): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(id, 1);
  return Buffer.concat(messageIndexes ? [header, messageIndexes, payload] : [header, payload]);
}

type Encoder = (rnd: Random, now: number, index: number) => DemoRecord;

/** Registers the subjects and returns an encoder per topic; null when the registry refuses (e.g. read-only). */
function encoders(registry: SchemaRegistry): Map<string, Encoder[]> | null {
  try {
    const paymentId = registry.register('payments.avro-value', { schema: JSON.stringify(PAYMENT) });
    const paymentType = avsc.Type.forSchema(PAYMENT as avsc.Schema);
    const customers = CUSTOMER_VERSIONS.map((schema) => ({ id: registry.register('customers.avro-value', { schema: JSON.stringify(schema) }), type: avsc.Type.forSchema(schema as avsc.Schema) }));
    const shipmentId = registry.register('shipments.proto-value', { schema: SHIPMENT_PROTO, schemaType: 'PROTOBUF' });
    const shipment = protobuf.parse(SHIPMENT_PROTO, { keepCase: true }).root.lookupType('demo.logistics.Shipment');
    let sequence = 0;

    const payment: Encoder = (rnd, now) => {
      const value = {
        paymentId: rnd.uuid(),
        amount: decimalBytes(BigInt(rnd.int(100, 250_000))),
        currency: rnd.pick(['EUR', 'USD', 'GBP', 'JPY']),
        sequence: ++sequence,
        createdAt: now,
        card: { brand: rnd.pick(BRANDS), last4: String(rnd.int(1000, 9999)), expiry: rnd.chance(0.7) ? `${rnd.int(1, 12)}/${rnd.int(27, 31)}` : null },
      };
      return { key: Buffer.from(value.paymentId), value: wireFormat(paymentId, paymentType.toBuffer(value)), headers: [] };
    };
    const customer = (version: number): Encoder => (rnd) => {
      const id = `cust-${rnd.int(1000, 1999)}`;
      const name = `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
      const value: Record<string, unknown> = { customerId: id, name };
      if (version >= 2) value.email = rnd.chance(0.8) ? `${name.toLowerCase().replace(' ', '.')}@example.com` : null;
      if (version >= 3) value.tier = rnd.pick(['BRONZE', 'SILVER', 'GOLD']);
      const { id: schemaId, type } = customers[version - 1];
      return { key: Buffer.from(id), value: wireFormat(schemaId, type.toBuffer(value)), headers: [] };
    };
    const ship: Encoder = (rnd, now) => {
      const [city, country] = rnd.pick(CITIES);
      const message = {
        shipment_id: `shp-${rnd.hex(8)}`,
        items: Array.from({ length: rnd.int(1, 3) }, () => ({ sku: `SKU-${rnd.int(1000, 7999)}`, quantity: rnd.int(1, 4) })),
        ...(rnd.chance(0.6) ? { address: { street: `${rnd.int(1, 200)} Main St`, city, country } } : { pickup_point: `locker-${rnd.int(1, 90)}` }),
        created_at_ms: now,
      };
      return { key: Buffer.from(message.shipment_id), value: wireFormat(shipmentId, Buffer.from(shipment.encode(shipment.fromObject(message)).finish()), Buffer.from([0])), headers: [] };
    };
    return new Map([
      ['payments.avro', [payment]],
      ['customers.avro', [customer(1), customer(2), customer(3)]],
      ['shipments.proto', [ship]],
    ]);
  } catch (err) {
    console.error(`[devcluster] demo schemas not registered: ${(err as Error).message}`);
    return null;
  }
}

/** Seeds and keeps writing the schema-encoded demo topics. */
export class SchemaDemoProducer {
  private readonly carry = new Map<string, number>();
  private last = Date.now();

  private constructor(
    private readonly cluster: DemoCluster,
    private readonly rnd: Random,
    private readonly encode: Map<string, Encoder[]>,
  ) {}

  static start(cluster: DemoCluster, registry: SchemaRegistry, rnd: Random): SchemaDemoProducer | null {
    const encode = encoders(registry);
    if (!encode) return null;
    const producer = new SchemaDemoProducer(cluster, rnd, encode);
    producer.seed();
    return producer;
  }

  private seed(): void {
    const existing = new Set(this.cluster.topicNames());
    const replicationFactor = Math.min(3, Math.max(1, this.cluster.liveBrokerIds().length));
    const now = this.cluster.now();
    for (const topic of SCHEMA_DEMO_TOPICS) {
      if (existing.has(topic.name)) continue;
      // Bounded like the other demo topics: the demo may run for days in memory.
      this.cluster.createTopic({ name: topic.name, partitions: topic.partitions, replicationFactor, configs: { 'retention.bytes': String(4 * MIB), 'segment.bytes': String(MIB) } });
      // History spread over the last two hours; an evolved topic gets each version in turn.
      const versions = this.encode.get(topic.name)!;
      const step = 2 * 60 * 60_000 / topic.backfill;
      const timestamps = Array.from({ length: topic.backfill }, (_, i) => Math.floor(now - 2 * 60 * 60_000 + i * step));
      this.write(topic, timestamps, (i) => versions[Math.min(versions.length - 1, Math.floor((i * versions.length) / topic.backfill))]);
    }
  }

  tick(): void {
    const now = Date.now();
    const elapsed = Math.min(5_000, now - this.last) / 1_000;
    this.last = now;
    for (const topic of SCHEMA_DEMO_TOPICS) {
      const due = (this.carry.get(topic.name) ?? 0) + topic.rate * elapsed;
      const count = Math.floor(due);
      this.carry.set(topic.name, due - count);
      const versions = this.encode.get(topic.name)!;
      if (count > 0) this.write(topic, Array.from({ length: count }, () => this.cluster.now()), () => versions[versions.length - 1]);
    }
  }

  private write(topic: SchemaDemoTopic, timestamps: number[], encoderAt: (i: number) => Encoder): void {
    const partitions = partitionCount(this.cluster, topic.name);
    if (partitions === 0) return;
    const byPartition = new Map<number, DemoRecord[]>();
    timestamps.forEach((timestamp, i) => {
      const record = { ...encoderAt(i)(this.rnd, timestamp, i), timestamp };
      const p = partitionForKey(record.key!, partitions);
      if (!byPartition.has(p)) byPartition.set(p, []);
      byPartition.get(p)!.push(record);
    });
    for (const [p, records] of byPartition) {
      try {
        this.cluster.appendRecords(topic.name, p, records);
      } catch {
        // No leader while a broker is stopped: those messages are simply not sent.
      }
    }
  }
}
