import { isUtf8 } from 'node:buffer';
import type { Message, Payload } from '@/lib/api/messages';
import type { Masker } from '@/lib/messages/masking';
import type { SchemaDecoding } from '@/lib/schemas/decode';
import { viewRecord, type PartView } from './decoded-record';
import type { BatchView, RecordCursor } from './record-cursor';

// Records become the API's Message: text when the bytes are UTF-8, base64 otherwise, cut at
// `limit` bytes (on a character boundary) with the full size kept. A masker rewrites the bytes
// first, so nothing sent is derived from what it hides; `size` stays the stored size.

export function toPayload(bytes: Buffer | null, limit = Infinity): Payload | null {
  if (bytes === null) return null;
  const size = bytes.length;
  let slice = bytes;
  if (size > limit) {
    let end = limit;
    // Never split a UTF-8 sequence: step back over continuation bytes.
    while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
    slice = bytes.subarray(0, end);
  }
  const truncated = slice.length < size;
  if (isUtf8(slice)) {
    const payload: Payload = { encoding: 'utf8', data: slice.toString('utf8'), size };
    return truncated ? { ...payload, truncated } : payload;
  }
  const raw = size > limit ? bytes.subarray(0, limit) : bytes;
  const payload: Payload = { encoding: 'base64', data: raw.toString('base64'), size };
  return raw.length < size ? { ...payload, truncated: true } : payload;
}

/**
 * A part with its schema fields: the decoded value when it fits in `limit` as JSON text (a list
 * sends the first `limit` bytes; the message itself is fetched for the rest).
 */
export function toDecodedPayload(part: PartView, limit = Infinity): Payload | null {
  const payload = toPayload(part.bytes, limit);
  const d = part.decoded;
  if (!payload || !d) return payload;
  if (d.schema) payload.schema = d.schema;
  if ('schemaError' in d) {
    payload.schemaError = d.schemaError;
    return payload;
  }
  if (Number.isFinite(limit) && JSON.stringify(d.value).length > limit) {
    payload.schemaError = `the decoded value is longer than ${limit} characters: open the message to see it`;
    return payload;
  }
  payload.decoded = d.value;
  if (d.warning) payload.schemaWarning = d.warning;
  return payload;
}

export function toMessage(c: RecordCursor, batch: BatchView, partition: number, limit = Infinity, masker?: Masker, schemas?: SchemaDecoding): Message {
  const stored = c.headers();
  let size = 0;
  for (const h of stored) size += Buffer.byteLength(h.key) + (h.value?.length ?? 0);
  const rawKey = c.key();
  const rawValue = c.value();
  size += (rawKey?.length ?? 0) + (rawValue?.length ?? 0);
  if (schemas) {
    const view = viewRecord(rawKey, rawValue, stored, schemas, masker);
    return {
      partition,
      offset: c.offset,
      timestamp: c.timestamp,
      timestampType: batch.logAppendTime ? 'LogAppendTime' : 'CreateTime',
      key: toDecodedPayload(view.key, limit),
      value: toDecodedPayload(view.value, limit),
      headers: view.headers.map((h) => ({ key: h.key, value: toPayload(h.value, limit) })),
      size,
      compression: batch.compression,
      ...(masker ? { masked: true } : {}),
    };
  }
  let key = rawKey;
  let value = rawValue;
  let headers = stored;
  if (masker) ({ key, value, headers } = masker.apply({ key, value, headers }));
  return {
    partition,
    offset: c.offset,
    timestamp: c.timestamp,
    timestampType: batch.logAppendTime ? 'LogAppendTime' : 'CreateTime',
    key: toPayload(key, limit),
    value: toPayload(value, limit),
    headers: headers.map((h) => ({ key: h.key, value: toPayload(h.value, limit) })),
    size,
    compression: batch.compression,
    ...(masker ? { masked: true } : {}),
  };
}

/** About how many bytes a message takes in a JSON response: its payload text plus field names. */
export function messageBytes(m: Message): number {
  let n = 200 + (m.key?.data.length ?? 0) + (m.value?.data.length ?? 0);
  // A decoded value is about as long again as its bytes' text (Avro and Protobuf are compact).
  if (m.key?.decoded !== undefined) n += m.key.data.length * 2;
  if (m.value?.decoded !== undefined) n += m.value.data.length * 2;
  for (const h of m.headers) n += 40 + h.key.length + (h.value?.data.length ?? 0);
  return n;
}
