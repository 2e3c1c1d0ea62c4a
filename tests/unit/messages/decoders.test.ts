import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Payload } from '@/lib/api/messages';
import { decodePayload, DecoderRegistry, decoders, hexDump, jsonDecoder, payloadInput, textDecoder, type PayloadDecoder } from '@/lib/messages/decoders';

const utf8 = (data: string, truncated = false): Payload => ({ encoding: 'utf8', data, size: Buffer.byteLength(data), truncated });
const binary = (bytes: number[]): Payload => ({ encoding: 'base64', data: Buffer.from(bytes).toString('base64'), size: bytes.length });

describe('decoders', () => {
  it('auto picks JSON for objects and arrays, pretty-printed', () => {
    const view = decodePayload(utf8('{"a":1,"b":[true,null]}'));
    assert.equal(view.decoder, 'json');
    assert.ok(view.kind === 'json');
    assert.deepEqual(view.value, { a: 1, b: [true, null] });
    assert.equal(view.pretty, '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}');
  });

  it('auto picks text for plain text, scalars and broken JSON', () => {
    assert.equal(decodePayload(utf8('hello world')).decoder, 'text');
    assert.equal(decodePayload(utf8('12345')).decoder, 'text');
    assert.equal(decodePayload(utf8('{"a":')).decoder, 'text');
  });

  it('auto picks hex for binary, shown like xxd', () => {
    const view = decodePayload(binary([0, 1, 2, 0xff, 0x41, 0x42]));
    assert.equal(view.decoder, 'hex');
    assert.ok(view.kind === 'hex');
    assert.equal(view.text, '00000000: 0001 02ff 4142                           ....AB');
  });

  it('text with many control characters is treated as binary-ish', () => {
    const s = String.fromCharCode(...Array.from({ length: 40 }, (_, i) => i % 5));
    assert.equal(decodePayload(utf8(s)).decoder, 'hex');
  });

  it('honours a manual choice and explains when it cannot apply', () => {
    assert.equal(decodePayload(utf8('{"a":1}'), 'text').kind, 'text');
    const b64 = decodePayload(utf8('hi'), 'base64');
    assert.ok(b64.kind === 'base64' && b64.text === 'aGk=');
    const notJson = decodePayload(binary([0xff, 0xfe]), 'json');
    assert.ok(notJson.kind === 'error' && /not JSON/i.test(notJson.message));
    const cut = decodePayload(utf8('{"a":1', true), 'json');
    assert.ok(cut.kind === 'error' && /first part/.test(cut.message));
    assert.equal(decodePayload(utf8('x'), 'nope').kind, 'error');
  });

  it('hex dumps wrap at 16 bytes with offsets and cap long payloads', () => {
    const dump = hexDump(new Uint8Array(70_000));
    const lines = dump.split('\n');
    assert.equal(lines[1].slice(0, 8), '00000010');
    assert.match(lines[lines.length - 1], /4464 more bytes/);
  });

  it('turns payloads back into their bytes', () => {
    assert.deepEqual([...payloadInput(utf8('é')).bytes], [0xc3, 0xa9]);
    assert.deepEqual([...payloadInput(binary([9, 8])).bytes], [9, 8]);
  });

  it('is pluggable: a registered decoder can win auto-detection', () => {
    const magic: PayloadDecoder = {
      id: 'schema-registry',
      label: 'Schema registry',
      score: (input) => (input.bytes[0] === 0 && input.bytes.length > 5 ? 10 : 0),
      decode: (input) => ({ kind: 'text', text: `schema ${new DataView(input.bytes.buffer, input.bytes.byteOffset).getInt32(1)}` }),
    };
    const registry = new DecoderRegistry([jsonDecoder, textDecoder, magic]);
    const view = registry.decode(payloadInput(binary([0, 0, 0, 0, 7, 1, 2])));
    assert.equal(view.decoder, 'schema-registry');
    assert.ok(view.kind === 'text' && view.text === 'schema 7');
    assert.deepEqual(decoders.list().map((d) => d.id), ['schema', 'json', 'text', 'msgpack', 'cbor', 'hex', 'base64']);
    assert.throws(() => registry.register({ ...magic, id: 'auto' }), /reserved/);
  });
});
