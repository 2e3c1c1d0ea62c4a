import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSchema } from '@/lib/schemas/codecs';
import type { RegisteredSchema } from '@/lib/schemas/types';

// Encoding and validating take the readable forms decoding writes: encode then decode is the identity.

const reg = (schemaType: RegisteredSchema['schemaType'], schema: unknown): RegisteredSchema => ({
  id: 1,
  schemaType,
  schema: typeof schema === 'string' ? schema : JSON.stringify(schema),
  references: [],
});

const avroSchema = {
  type: 'record',
  name: 'Order',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'id', type: 'string' }, { name: 'tier', type: ['null', 'string'] }] } },
    { name: 'note', type: ['null', 'string', 'long'] },
  ],
};

test('Avro: readable values encode and decode back unchanged', () => {
  const codec = compileSchema(reg('AVRO', avroSchema), []);
  for (const value of [
    { id: '-9007199254740993', amount: '-0.05', at: '2026-12-03T10:20:30.456Z', day: '2026-12-03', customer: { id: 'c', tier: null }, note: 12 },
    { id: 7, amount: '1234567.89', at: '1970-01-01T00:00:00.000Z', day: '1999-01-31', customer: { id: '', tier: 'gold' }, note: 'hi' },
  ]) {
    assert.deepEqual(codec.validate(value), []);
    const expected = { ...value, at: value.at.replace('Z', '000Z') };
    assert.deepEqual(codec.decode(codec.encode(value)).value, expected);
  }
});

test('Avro: every problem is named by its dotted path', () => {
  const codec = compileSchema(reg('AVRO', avroSchema), []);
  const problems = codec.validate({ id: 'x1', amount: 'lots', day: '2026-12-03', customer: { id: 42, tier: 3 }, note: null });
  assert.deepEqual(problems.map((p) => p.path).sort(), ['amount', 'at', 'customer.id', 'customer.tier', 'id']);
  assert.match(problems.find((p) => p.path === 'at')!.message, /^Required/);
  assert.match(problems.find((p) => p.path === 'customer.id')!.message, /Expected string, got 42/);
  assert.equal(problems.find((p) => p.path === 'id')!.message, 'Expected long, got "x1"');
});

const proto = `syntax = "proto3";
message Payment { string id = 1; int64 points = 2; Kind kind = 3; Card card = 4; }
message Card { string number = 1; }
enum Kind { KIND_UNSET = 0; GIFT = 1; }`;

test('Protobuf: int64 as digits and enums by name encode; a wrong type is named', () => {
  const codec = compileSchema(reg('PROTOBUF', proto), []);
  const value = { id: 'p', points: '9007199254740993', kind: 'GIFT', card: { number: '4111' } };
  assert.deepEqual(codec.validate(value), []);
  const body = Buffer.concat([Buffer.of(0), Buffer.from(codec.encode(value))]);
  assert.deepEqual(codec.decode(body).value, value);
  assert.deepEqual(codec.validate({ id: 'p', card: { number: 5 } }), [{ path: 'card.number', message: 'string expected' }]);
});

test('JSON Schema: all problems with dotted paths; encode is the JSON text', () => {
  const codec = compileSchema(reg('JSON', { type: 'object', properties: { customer: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }, n: { type: 'integer' } }, required: ['customer'] }), []);
  assert.deepEqual(codec.validate({ customer: {}, n: 'x' }).map((p) => p.path).sort(), ['customer.id', 'n']);
  assert.deepEqual(codec.validate({}), [{ path: 'customer', message: 'Required' }]);
  assert.equal(Buffer.from(codec.encode({ customer: { id: 'a' } })).toString(), '{"customer":{"id":"a"}}');
});
