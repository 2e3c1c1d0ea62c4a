import type { Message, Payload } from '@/lib/api/messages';

// Export of a result set. Text stays text and binary becomes base64, with the encoding named
// beside it, so an export can be read back byte for byte. A payload decoded with its schema also
// gets its decoded JSON (keyDecoded/valueDecoded and the schema beside it in JSONL; in CSV the
// cell is the decoded JSON).

export type ExportFormat = 'jsonl' | 'csv';

interface ExportedPayload {
  data: string | null;
  encoding: 'utf8' | 'base64' | null;
  truncated?: boolean;
}

function payload(p: Payload | null): ExportedPayload {
  if (!p) return { data: null, encoding: null };
  return p.truncated ? { data: p.data, encoding: p.encoding, truncated: true } : { data: p.data, encoding: p.encoding };
}

export function toJsonLine(m: Message): string {
  const key = payload(m.key);
  const value = payload(m.value);
  return JSON.stringify({
    partition: m.partition,
    offset: m.offset,
    timestamp: new Date(m.timestamp).toISOString(),
    timestampMs: m.timestamp,
    timestampType: m.timestampType,
    key: key.data,
    keyEncoding: key.encoding,
    ...(key.truncated ? { keyTruncated: true } : {}),
    value: value.data,
    valueEncoding: value.encoding,
    ...(value.truncated ? { valueTruncated: true } : {}),
    ...schemaFields('key', m.key),
    ...schemaFields('value', m.value),
    headers: m.headers.map((h) => ({ key: h.key, value: h.value?.data ?? null, encoding: h.value?.encoding ?? null })),
    size: m.size,
  });
}

function schemaFields(part: 'key' | 'value', p: Payload | null): Record<string, unknown> {
  if (!p?.schema && p?.schemaError === undefined) return {};
  return {
    ...(p.schema ? { [`${part}Schema`]: p.schema } : {}),
    ...(p.decoded !== undefined ? { [`${part}Decoded`]: p.decoded } : {}),
    ...(p.schemaError !== undefined ? { [`${part}SchemaError`]: p.schemaError } : {}),
  };
}

export function toJsonLines(messages: Message[]): string {
  return messages.map((m) => `${toJsonLine(m)}\n`).join('');
}

export const CSV_COLUMNS = ['partition', 'offset', 'timestamp', 'timestampType', 'key', 'value', 'headers', 'size'] as const;

/** RFC 4180 CSV; binary cells read "base64:<data>", headers are a JSON object. */
export function toCsv(messages: Message[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const m of messages) {
    const headers: Record<string, string | null> = {};
    for (const h of m.headers) headers[h.key] = h.value ? cellText(h.value) : null;
    rows.push(
      [
        String(m.partition),
        String(m.offset),
        new Date(m.timestamp).toISOString(),
        m.timestampType,
        m.key ? cellText(m.key) : '',
        m.value ? cellText(m.value) : '',
        m.headers.length ? JSON.stringify(headers) : '',
        String(m.size),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

function cellText(p: Payload): string {
  if (p.decoded !== undefined) return JSON.stringify(p.decoded);
  return p.encoding === 'base64' ? `base64:${p.data}` : p.data;
}

/**
 * Quotes a cell when it must be, and defuses cells a spreadsheet would run as a formula
 * (leading = + - @ tab or CR, unless the cell is just a number) with a leading apostrophe.
 */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function exportMessages(messages: Message[], format: ExportFormat): { body: string; mime: string; extension: string } {
  return format === 'csv'
    ? { body: toCsv(messages), mime: 'text/csv;charset=utf-8', extension: 'csv' }
    : { body: toJsonLines(messages), mime: 'application/x-ndjson;charset=utf-8', extension: 'jsonl' };
}
