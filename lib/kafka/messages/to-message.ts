import { isUtf8 } from 'node:buffer';
import type { Message, Payload } from '@/lib/api/messages';
import type { Masker } from '@/lib/messages/masking';
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

export function toMessage(c: RecordCursor, batch: BatchView, partition: number, limit = Infinity, masker?: Masker): Message {
  let headers = c.headers();
  let size = 0;
  for (const h of headers) size += Buffer.byteLength(h.key) + (h.value?.length ?? 0);
  let key = c.key();
  let value = c.value();
  size += (key?.length ?? 0) + (value?.length ?? 0);
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
  for (const h of m.headers) n += 40 + h.key.length + (h.value?.data.length ?? 0);
  return n;
}
