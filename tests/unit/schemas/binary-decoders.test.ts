import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode as encodeCbor } from 'cbor2';
import { encode as encodeMsgpack } from '@msgpack/msgpack';
import type { Payload } from '@/lib/api/messages';
import { decodePayload, decoders, payloadInput } from '@/lib/messages/decoders';

const binary = (bytes: Uint8Array): Payload => ({ encoding: 'base64', data: Buffer.from(bytes).toString('base64'), size: bytes.length });

test('MessagePack maps are picked by auto and shown as JSON, big integers and bytes included', () => {
  const p = binary(encodeMsgpack({ id: 7, big: 9007199254740993n, tags: ['a'], raw: Uint8Array.of(1, 2, 3) }, { useBigInt64: true }));
  const view = decodePayload(p);
  assert.equal(view.decoder, 'msgpack');
  assert.equal(view.kind, 'json');
  assert.deepEqual(view.kind === 'json' && view.value, { id: 7, big: '9007199254740993', tags: ['a'], raw: 'AQID' });
});

test('CBOR maps are picked by auto; leftover bytes are not CBOR', () => {
  const bytes = encodeCbor({ name: 'Ada', at: 3, nested: { ok: true } });
  const view = decodePayload(binary(bytes));
  assert.equal(view.decoder, 'cbor');
  assert.deepEqual(view.kind === 'json' && view.value, { name: 'Ada', at: 3, nested: { ok: true } });
  const extra = decodePayload(binary(Uint8Array.from([...bytes, 0xff])), 'cbor');
  assert.equal(extra.kind, 'error');
});

test('random binary stays hex in auto', () => {
  assert.equal(decodePayload(binary(Uint8Array.of(0, 0, 0, 0, 7, 0x10, 0x02, 0xff))).decoder, 'hex');
});

test('a payload decoded by the server shows its decoded value; the raw bytes stay reachable', () => {
  const p: Payload = { ...binary(Uint8Array.of(0, 0, 0, 0, 7, 2, 0x61)), schema: { id: 7, type: 'AVRO', subject: 'orders-value', version: 3 }, decoded: { id: 'a' } };
  const view = decodePayload(p);
  assert.equal(view.decoder, 'schema');
  assert.deepEqual(view.kind === 'json' && view.value, { id: 'a' });
  assert.equal(decodePayload(p, 'hex').kind, 'hex');
  const failed = decodePayload({ ...binary(Uint8Array.of(0, 0, 0, 0, 7, 2)), schemaError: 'the schema registry does not know schema id 7' }, 'schema');
  assert.deepEqual(failed.kind === 'error' && failed.message, 'the schema registry does not know schema id 7');
  assert.deepEqual(payloadInput(p).decoded, { value: { id: 'a' } });
  assert.ok(decoders.list().some((d) => d.label === 'MessagePack') && decoders.list().some((d) => d.label === 'CBOR'));
});
