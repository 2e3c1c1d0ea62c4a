// The Confluent wire format that Schema Registry serializers write: a zero "magic" byte, the
// schema id as a 4-byte big-endian integer, then the encoded record. Protobuf puts the path of
// the message type inside the schema ("message indexes") between the id and the record, as a
// zigzag-varint count followed by zigzag-varint indexes; the common case, the first message type,
// is written as a single 0 (a count of zero).

export const WIRE_MAGIC = 0;
export const WIRE_HEADER_BYTES = 5;

export interface WireFrame {
  schemaId: number;
  /** What follows the header: the record (Avro, JSON) or message indexes and record (Protobuf). */
  body: Uint8Array;
}

/** The frame, or undefined when the bytes cannot be in the wire format. */
export function parseWireFrame(bytes: Uint8Array): WireFrame | undefined {
  if (bytes.length < WIRE_HEADER_BYTES || bytes[0] !== WIRE_MAGIC) return undefined;
  const schemaId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1, false);
  if (schemaId <= 0) return undefined;
  return { schemaId, body: bytes.subarray(WIRE_HEADER_BYTES) };
}

export function writeWireFrame(schemaId: number, record: Uint8Array, messageIndexes?: number[]): Uint8Array {
  const indexes = messageIndexes ? encodeMessageIndexes(messageIndexes) : new Uint8Array(0);
  const out = new Uint8Array(WIRE_HEADER_BYTES + indexes.length + record.length);
  out[0] = WIRE_MAGIC;
  new DataView(out.buffer).setInt32(1, schemaId, false);
  out.set(indexes, WIRE_HEADER_BYTES);
  out.set(record, WIRE_HEADER_BYTES + indexes.length);
  return out;
}

/** More indexes than this is a corrupt payload, not a schema (nesting is never this deep). */
const MAX_MESSAGE_INDEXES = 64;

/** Reads Protobuf message indexes from the body; `[0]` when the count is zero. */
export function readMessageIndexes(body: Uint8Array): { indexes: number[]; record: Uint8Array } {
  let pos = 0;
  const next = () => {
    const { value, length } = readZigzagVarint(body, pos);
    pos += length;
    return value;
  };
  const count = next();
  if (count < 0 || count > MAX_MESSAGE_INDEXES) throw new Error(`message index count ${count} is not valid`);
  const indexes = count === 0 ? [0] : Array.from({ length: count }, next);
  return { indexes, record: body.subarray(pos) };
}

export function encodeMessageIndexes(indexes: number[]): Uint8Array {
  if (indexes.length === 1 && indexes[0] === 0) return Uint8Array.of(0);
  const bytes: number[] = [];
  for (const n of [indexes.length, ...indexes]) writeZigzagVarint(n, bytes);
  return Uint8Array.from(bytes);
}

function readZigzagVarint(bytes: Uint8Array, start: number): { value: number; length: number } {
  let raw = 0;
  let shift = 0;
  for (let i = start; i < bytes.length && shift < 35; i++) {
    raw |= (bytes[i] & 0x7f) << shift;
    shift += 7;
    if ((bytes[i] & 0x80) === 0) return { value: (raw >>> 1) ^ -(raw & 1), length: i - start + 1 };
  }
  throw new Error('message indexes are cut short');
}

function writeZigzagVarint(n: number, out: number[]): void {
  let v = ((n << 1) ^ (n >> 31)) >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}
