import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeMessageIndexes, parseWireFrame, readMessageIndexes, writeWireFrame } from '@/lib/schemas/wire-format';

test('a frame carries the schema id big-endian after a zero byte', () => {
  const frame = writeWireFrame(0x01020304, Uint8Array.of(9, 8));
  assert.deepEqual([...frame], [0, 1, 2, 3, 4, 9, 8]);
  const parsed = parseWireFrame(frame);
  assert.equal(parsed?.schemaId, 0x01020304);
  assert.deepEqual([...(parsed?.body ?? [])], [9, 8]);
});

test('bytes that cannot be a frame are not one', () => {
  assert.equal(parseWireFrame(Uint8Array.of(0, 0, 0, 1)), undefined, 'too short');
  assert.equal(parseWireFrame(Uint8Array.of(1, 0, 0, 0, 1, 5)), undefined, 'magic byte 1');
  assert.equal(parseWireFrame(Uint8Array.of(0, 0, 0, 0, 0, 5)), undefined, 'schema id 0');
  assert.equal(parseWireFrame(new TextEncoder().encode('{"a":1}')), undefined, 'JSON text');
});

test('the first message type is one zero byte, as Confluent serializers write it', () => {
  assert.deepEqual([...encodeMessageIndexes([0])], [0]);
  assert.deepEqual(readMessageIndexes(Uint8Array.of(0, 0x0a)).indexes, [0]);
});

test('nested message indexes are a zigzag count and zigzag indexes', () => {
  // [1, 0]: count 2 → 4, 1 → 2, 0 → 0.
  assert.deepEqual([...encodeMessageIndexes([1, 0])], [4, 2, 0]);
  const { indexes, record } = readMessageIndexes(Uint8Array.of(4, 2, 0, 0x08, 0x01));
  assert.deepEqual(indexes, [1, 0]);
  assert.deepEqual([...record], [0x08, 0x01]);
  assert.deepEqual(readMessageIndexes(encodeMessageIndexes([300, 2, 70])).indexes, [300, 2, 70]);
});

test('corrupt message indexes are refused, not read past the end', () => {
  assert.throws(() => readMessageIndexes(Uint8Array.of(0x80)), /cut short/);
  assert.throws(() => readMessageIndexes(Uint8Array.of(1)), /not valid/, 'a negative count');
});
