import type { RegisteredSchema, SchemaType } from '../types';
import type { JsonValue } from './json-safe';

/** A schema compiled for reading: the record bytes after the wire header in, a JSON value out. */
export interface CompiledCodec {
  type: SchemaType;
  /** Throws when the bytes do not decode with this schema. */
  decode(body: Uint8Array): { value: JsonValue; warning?: string };
  /** What is wrong with a value (in the readable form decode writes) for this schema; empty when it fits. */
  validate(value: unknown): FieldProblem[];
  /** The record bytes for a value that validates (for Protobuf without the message indexes). */
  encode(value: unknown): Uint8Array;
}

/** One reason a value does not fit its schema; `path` is dotted (`customer.id`), '' for the value itself. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A referenced schema, already fetched: the name the referencing schema uses and its text. */
export interface ResolvedReference {
  name: string;
  schema: RegisteredSchema;
}
