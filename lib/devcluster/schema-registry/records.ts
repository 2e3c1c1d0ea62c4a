// The records of the `_schemas` topic, in Confluent Schema Registry's own key/value JSON, so the
// topic reads like a real registry's. Keys decide compaction: one live record per key.

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export type StoreKey =
  | { keytype: 'SCHEMA'; subject: string; version: number; magic: 1 }
  | { keytype: 'CONFIG'; subject: string | null; magic: 0 }
  | { keytype: 'MODE'; subject: string | null; magic: 0 }
  | { keytype: 'DELETE_SUBJECT'; subject: string; magic: 0 }
  | { keytype: 'CLEAR_SUBJECT'; subject: string; magic: 0 }
  | { keytype: 'NOOP'; magic: 0 };

export interface SchemaValue {
  subject: string;
  version: number;
  id: number;
  schemaType?: SchemaType;
  references?: SchemaReference[];
  schema: string;
  deleted: boolean;
}

export interface ConfigValue {
  compatibilityLevel: string;
}

export interface ModeValue {
  mode: string;
}

export interface DeleteSubjectValue {
  subject: string;
  version: number;
}

export const schemaKey = (subject: string, version: number): StoreKey => ({ keytype: 'SCHEMA', subject, version, magic: 1 });
export const configKey = (subject: string | null): StoreKey => ({ keytype: 'CONFIG', subject, magic: 0 });
export const modeKey = (subject: string | null): StoreKey => ({ keytype: 'MODE', subject, magic: 0 });
export const deleteSubjectKey = (subject: string): StoreKey => ({ keytype: 'DELETE_SUBJECT', subject, magic: 0 });

/** Encodes a key with its fields in Confluent's order (keytype first, magic last). */
export function encodeKey(key: StoreKey): Buffer {
  return Buffer.from(JSON.stringify(key));
}

/** A SCHEMA value; schemaType and references are left out for Avro and for none, as Confluent does. */
export function encodeSchemaValue(v: SchemaValue): Buffer {
  const out: Record<string, unknown> = { subject: v.subject, version: v.version, id: v.id };
  if (v.schemaType && v.schemaType !== 'AVRO') out.schemaType = v.schemaType;
  if (v.references && v.references.length > 0) out.references = v.references;
  out.schema = v.schema;
  out.deleted = v.deleted;
  return Buffer.from(JSON.stringify(out));
}

export function encodeValue(value: object | null): Buffer | null {
  return value === null ? null : Buffer.from(JSON.stringify(value));
}

/** Parses a stored key; null for anything this registry does not understand (skipped on replay). */
export function decodeKey(buf: Buffer | null): StoreKey | null {
  if (!buf) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(buf.toString('utf8'));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const k = raw as Record<string, unknown>;
  const subject = typeof k.subject === 'string' ? k.subject : null;
  switch (k.keytype) {
    case 'SCHEMA':
      return subject !== null && typeof k.version === 'number' ? { keytype: 'SCHEMA', subject, version: k.version, magic: 1 } : null;
    case 'CONFIG':
    case 'MODE':
      return { keytype: k.keytype, subject, magic: 0 };
    case 'DELETE_SUBJECT':
    case 'CLEAR_SUBJECT':
      return subject !== null ? { keytype: k.keytype, subject, magic: 0 } : null;
    case 'NOOP':
      return { keytype: 'NOOP', magic: 0 };
    default:
      return null;
  }
}

export function decodeSchemaValue(buf: Buffer): SchemaValue | null {
  try {
    const v = JSON.parse(buf.toString('utf8')) as Partial<SchemaValue>;
    if (typeof v.subject !== 'string' || typeof v.version !== 'number' || typeof v.id !== 'number' || typeof v.schema !== 'string') return null;
    return {
      subject: v.subject,
      version: v.version,
      id: v.id,
      schemaType: v.schemaType ?? 'AVRO',
      references: Array.isArray(v.references) ? v.references : [],
      schema: v.schema,
      deleted: v.deleted === true,
    };
  } catch {
    return null;
  }
}

export function decodeJson<T>(buf: Buffer): T | null {
  try {
    return JSON.parse(buf.toString('utf8')) as T;
  } catch {
    return null;
  }
}
