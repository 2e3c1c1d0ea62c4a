import type { RegisteredSchema, SchemaType } from '../types';
import type { JsonValue } from './json-safe';

/** A schema compiled for reading: the record bytes after the wire header in, a JSON value out. */
export interface CompiledCodec {
  type: SchemaType;
  /** Throws when the bytes do not decode with this schema. */
  decode(body: Uint8Array): { value: JsonValue; warning?: string };
}

/** A referenced schema, already fetched: the name the referencing schema uses and its text. */
export interface ResolvedReference {
  name: string;
  schema: RegisteredSchema;
}
