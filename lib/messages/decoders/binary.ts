import { decode as decodeCbor } from 'cbor2';
import { decode as decodeMsgpack } from '@msgpack/msgpack';
import { toBase64 } from './builtin';
import type { DecodedView, DecoderInput, PayloadDecoder } from './types';

// The console's schema decoding (done on the server, sent as `decoded`) and two self-describing
// binary formats, MessagePack and CBOR. Both decode in the browser; "auto" picks them only for
// binary payloads that decode completely into a map or an array (a scalar or leftover bytes is
// more likely some other format), above hex and below JSON.

export const schemaDecoder: PayloadDecoder = {
  id: 'schema',
  label: 'Schema',
  score: (input) => (input.decoded ? 10 : 0),
  decode(input) {
    if (!input.decoded) return { kind: 'error', message: input.schemaError ?? 'Not decoded with a schema: not in the Schema Registry wire format, or the cluster has no registry' };
    const value = input.decoded.value;
    return { kind: 'json', value, pretty: JSON.stringify(value, null, 2) };
  },
};

function binaryDecoder(id: string, label: string, decode: (bytes: Uint8Array) => unknown): PayloadDecoder {
  const attempt = (input: DecoderInput): { value: unknown } | { error: string } => {
    if (input.truncated) return { error: `Only the first part of this value was loaded; open the message to see it as ${label}` };
    try {
      return { value: jsonView(decode(input.bytes)) };
    } catch (error) {
      return { error: `Not ${label}: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  return {
    id,
    label,
    score(input) {
      if (input.text !== undefined || input.truncated || input.bytes.length === 0) return 0;
      const first = input.bytes[0];
      // Quick refusals before a full decode: a map or array lead byte.
      const plausible = id === 'msgpack' ? (first & 0xf0) === 0x80 || (first & 0xf0) === 0x90 || (first >= 0xdc && first <= 0xdf) : (first & 0xe0) === 0x80 || (first & 0xe0) === 0xa0;
      if (!plausible) return 0;
      const r = attempt(input);
      return 'value' in r && r.value !== null && typeof r.value === 'object' ? 1.7 : 0;
    },
    decode(input): DecodedView {
      const r = attempt(input);
      if ('error' in r) return { kind: 'error', message: r.error };
      return { kind: 'json', value: r.value, pretty: JSON.stringify(r.value, null, 2) };
    },
  };
}

export const msgpackDecoder = binaryDecoder('msgpack', 'MessagePack', (bytes) => decodeMsgpack(bytes, { useBigInt64: true }));
export const cborDecoder = binaryDecoder('cbor', 'CBOR', (bytes) => decodeCbor(bytes));

/** What the JSON views can show: bytes as base64, big integers as their digits, Maps as objects. */
export function jsonView(value: unknown, depth = 0): unknown {
  if (depth > 200) throw new Error('nested more than 200 levels deep');
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return toBase64(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => jsonView(v, depth + 1));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [typeof k === 'string' ? k : JSON.stringify(jsonView(k, depth + 1)), jsonView(v, depth + 1)]));
  if (value instanceof Set) return [...value].map((v) => jsonView(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = jsonView(v, depth + 1);
  return out;
}
