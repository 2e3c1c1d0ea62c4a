import assert from 'node:assert/strict';
import { test } from 'node:test';
import protobuf from 'protobufjs';
import { avroType, decimalBytes } from '@/lib/schemas/codecs/avro';
import { compileSchema } from '@/lib/schemas/codecs';
import { encodeMessageIndexes } from '@/lib/schemas/wire-format';
import type { RegisteredSchema } from '@/lib/schemas/types';

const reg = (schemaType: RegisteredSchema['schemaType'], schema: unknown): RegisteredSchema => ({
  id: 1,
  schemaType,
  schema: typeof schema === 'string' ? schema : JSON.stringify(schema),
  references: [],
});

const orderAvro = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'ref', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'name', type: 'string' }, { name: 'tier', type: ['null', 'string'] }] } },
    { name: 'note', type: ['null', 'string', 'long'] },
    { name: 'raw', type: 'bytes' },
  ],
};

test('Avro: a long beyond 2^53, decimal, timestamp, date, uuid, nested record, unions and bytes come out as JSON', () => {
  const writer = avroType(JSON.stringify(orderAvro));
  const bytes = writer.toBuffer({
    id: 9007199254740993n,
    amount: '-1234.05',
    at: '2026-12-03T10:20:30.456Z',
    day: '2026-12-03',
    ref: '5f0c6a6e-3a47-4d57-9b7e-6d1f3a0b2c11',
    customer: { name: 'Ada', tier: 'gold' },
    note: 42n,
    raw: Buffer.from([1, 2, 3]),
  });
  const { value } = compileSchema(reg('AVRO', orderAvro), []).decode(bytes);
  assert.deepEqual(value, {
    id: '9007199254740993',
    amount: '-1234.05',
    at: '2026-12-03T10:20:30.456Z',
    day: '2026-12-03',
    ref: '5f0c6a6e-3a47-4d57-9b7e-6d1f3a0b2c11',
    customer: { name: 'Ada', tier: 'gold' },
    note: 42,
    raw: 'AQID',
  });
  assert.equal(JSON.stringify(value).includes('9007199254740993'), true);
});

test('Avro: decimal bytes round-trip, including small negatives and padding', () => {
  for (const text of ['0.01', '-0.50', '123456789012.34', '-128.00', '127.99']) {
    const type = avroType(JSON.stringify({ type: 'bytes', logicalType: 'decimal', precision: 20, scale: 2 }));
    assert.equal(compileSchema(reg('AVRO', { type: 'bytes', logicalType: 'decimal', precision: 20, scale: 2 }), []).decode(type.toBuffer(text)).value, text);
  }
  assert.deepEqual([...decimalBytes('-1', 0)], [0xff]);
});

test('Avro: bytes left over or cut short are a decode error', () => {
  const codec = compileSchema(reg('AVRO', 'string'), []);
  assert.throws(() => codec.decode(Buffer.from([0x08, 0x61])), /cut short|truncated/);
  assert.throws(() => codec.decode(Buffer.from([0x02, 0x61, 0x62])), /left after/);
});

const proto = `
syntax = "proto3";
package shop.v1;
message Order {
  string id = 1;
  repeated string tags = 2;
  oneof payment { string card = 3; int64 points = 4; }
  Line first = 5;
  enum State { NEW = 0; PAID = 1; }
  State state = 6;
}
message Line {
  message Detail { string sku = 1; int64 qty = 2; }
  string name = 1;
}
`;

test('Protobuf: oneof, repeated, enum and int64 by message indexes; [1, 0] is the nested type', () => {
  const root = protobuf.parse(proto, { keepCase: true }).root;
  const Order = root.lookupType('shop.v1.Order');
  const record = Order.encode(Order.fromObject({ id: 'o-1', tags: ['a', 'b'], points: '9007199254740993', first: { name: 'pen' }, state: 'PAID' })).finish();
  const codec = compileSchema(reg('PROTOBUF', proto), []);
  const body = Buffer.concat([encodeMessageIndexes([0]), record]);
  assert.deepEqual(codec.decode(body).value, { id: 'o-1', tags: ['a', 'b'], points: '9007199254740993', payment: 'points', first: { name: 'pen' }, state: 'PAID' });

  const Detail = root.lookupType('shop.v1.Line.Detail');
  const detail = Detail.encode(Detail.fromObject({ sku: 'X1', qty: 3 })).finish();
  assert.deepEqual(codec.decode(Buffer.concat([encodeMessageIndexes([1, 0]), detail])).value, { sku: 'X1', qty: '3' });
  assert.throws(() => codec.decode(Buffer.concat([encodeMessageIndexes([5]), detail])), /no message type at index path \[5\]/);
});

test('Protobuf: a referenced file and a well-known type resolve', () => {
  const common = 'syntax = "proto3"; package shop.common; message Money { string currency = 1; int64 units = 2; }';
  const main = 'syntax = "proto3"; package shop.v2; import "shop/common.proto"; import "google/protobuf/timestamp.proto"; message Paid { shop.common.Money total = 1; google.protobuf.Timestamp at = 2; }';
  const codec = compileSchema({ ...reg('PROTOBUF', main) }, [{ name: 'shop/common.proto', schema: reg('PROTOBUF', common) }]);
  const root = protobuf.parse(common, { keepCase: true }).root;
  protobuf.parse(main, root, { keepCase: true });
  root.addJSON(protobuf.common.get('google/protobuf/timestamp.proto')!.nested!);
  const Paid = root.lookupType('shop.v2.Paid');
  const bytes = Paid.encode(Paid.fromObject({ total: { currency: 'EUR', units: 5 }, at: { seconds: 10, nanos: 0 } })).finish();
  assert.deepEqual(codec.decode(Buffer.concat([Uint8Array.of(0), bytes])).value, { total: { currency: 'EUR', units: '5' }, at: { seconds: '10', nanos: 0 } });
});

test('JSON Schema: the value is shown, with a warning when it does not validate', () => {
  const schema = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] };
  const codec = compileSchema(reg('JSON', schema), []);
  assert.deepEqual(codec.decode(Buffer.from('{"id":7,"x":[1]}')), { value: { id: 7, x: [1] } });
  const bad = codec.decode(Buffer.from('{"id":"seven"}'));
  assert.deepEqual(bad.value, { id: 'seven' });
  assert.match(bad.warning ?? '', /does not validate.*\/id/);
  assert.throws(() => codec.decode(Buffer.from('{nope')));
});
