// Compatibility levels: which pairs of (new, existing) schemas must resolve in which direction.
// BACKWARD: the new schema reads data written with the old one; FORWARD: the old reads the new;
// FULL: both. The _TRANSITIVE levels check every earlier version, the others only the latest.
import type avsc from 'avsc';
import type protobuf from 'protobufjs';
import type { ParsedSchema } from '../schema-types';
import { avroIncompatibilities, type Incompatibility } from './avro';
import { protobufIncompatibilities } from './protobuf';

export type { Incompatibility };

export const COMPATIBILITY_LEVELS = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export const DEFAULT_COMPATIBILITY: CompatibilityLevel = 'BACKWARD';

export function isCompatibilityLevel(value: unknown): value is CompatibilityLevel {
  return typeof value === 'string' && (COMPATIBILITY_LEVELS as readonly string[]).includes(value);
}

export function isTransitive(level: CompatibilityLevel): boolean {
  return level.endsWith('_TRANSITIVE');
}

/** Whether data written with `writer` can be read with `reader`. JSON Schema: not checked (always compatible). */
export function readIncompatibilities(reader: ParsedSchema, writer: ParsedSchema): Incompatibility[] {
  if (reader.schemaType !== writer.schemaType) return [{ type: 'TYPE_MISMATCH', location: '/', message: `schema type changed from ${writer.schemaType} to ${reader.schemaType}` }];
  switch (reader.schemaType) {
    case 'AVRO':
      return avroIncompatibilities(reader.parsed as avsc.Type, writer.parsed as avsc.Type);
    case 'PROTOBUF':
      return protobufIncompatibilities(reader.parsed as protobuf.Root, writer.parsed as protobuf.Root);
    case 'JSON':
      return [];
  }
}

/** Incompatibilities of `candidate` with one existing schema under `level` (NONE: none). */
export function incompatibilities(level: CompatibilityLevel, candidate: ParsedSchema, existing: ParsedSchema): Incompatibility[] {
  const base = level.replace('_TRANSITIVE', '');
  const out: Incompatibility[] = [];
  if (base === 'BACKWARD' || base === 'FULL') out.push(...readIncompatibilities(candidate, existing));
  if (base === 'FORWARD' || base === 'FULL') out.push(...readIncompatibilities(existing, candidate));
  return out;
}

const DESCRIPTIONS: Record<string, (i: Incompatibility) => string> = {
  READER_FIELD_MISSING_DEFAULT_VALUE: (i) => `The field '${i.message}' at path '${i.location}' in the reader schema has no default value and is missing in the writer schema`,
  TYPE_MISMATCH: (i) => `The type (path '${i.location}') of a field in the reader schema does not match with the writer schema`,
  MISSING_ENUM_SYMBOLS: (i) => `The reader schema is missing enum symbols '${i.message}' at path '${i.location}' in the writer schema`,
  MISSING_UNION_BRANCH: (i) => `The reader schema is missing a type inside a union field at path '${i.location}' in the writer schema`,
  NAME_MISMATCH: (i) => `The name of the schema has changed (path '${i.location}')`,
  FIXED_SIZE_MISMATCH: (i) => `The size of FIXED type field at path '${i.location}' in the reader schema does not match with the writer schema`,
};

/** Confluent's verbose message for one incompatibility (reader = the schema that reads). */
export function describe(i: Incompatibility): string {
  const description = DESCRIPTIONS[i.type]?.(i) ?? `${i.message} (path '${i.location}')`;
  return `{errorType:'${i.type}', description:'${description}', additionalInfo:'${i.message}'}`;
}
