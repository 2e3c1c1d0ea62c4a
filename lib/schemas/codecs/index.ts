import type { RegisteredSchema } from '../types';
import { readMessageIndexes } from '../wire-format';
import { compileAvro } from './avro';
import { compileJsonSchema } from './json-schema';
import { compileProtobuf } from './protobuf';
import type { CompiledCodec, ResolvedReference } from './types';

export type { CompiledCodec, FieldProblem, ResolvedReference } from './types';
export type { JsonValue } from './json-safe';

/** References deeper than this are refused: a cycle or a corrupt registry, not a schema. */
export const MAX_REFERENCE_DEPTH = 10;
/** More referenced schemas than this for one schema are refused. */
const MAX_REFERENCES = 200;

/** Fetches a referenced version; the registry client's `version`. */
export type FetchVersion = (subject: string, version: number) => Promise<RegisteredSchema>;

/**
 * Every schema `schema` references, directly or not, dependencies first (each once), fetched
 * with `fetch`. Depth is bounded so a reference cycle ends in an error.
 */
export async function resolveReferences(schema: RegisteredSchema, fetch: FetchVersion): Promise<ResolvedReference[]> {
  const out: ResolvedReference[] = [];
  const seen = new Set<string>();
  const visit = async (s: RegisteredSchema, depth: number): Promise<void> => {
    for (const ref of s.references) {
      const key = `${ref.subject}\u0000${ref.version}`;
      if (seen.has(key)) continue;
      if (depth >= MAX_REFERENCE_DEPTH) throw new Error(`schema references are nested more than ${MAX_REFERENCE_DEPTH} deep`);
      seen.add(key);
      if (seen.size > MAX_REFERENCES) throw new Error(`the schema references more than ${MAX_REFERENCES} schemas`);
      const referenced = await fetch(ref.subject, ref.version);
      await visit(referenced, depth + 1);
      out.push({ name: ref.name, schema: referenced });
    }
  };
  await visit(schema, 0);
  return out;
}

/** A decoder for the record bytes after the 5-byte header (for Protobuf: message indexes, then the record). */
export function compileSchema(schema: RegisteredSchema, references: ResolvedReference[]): CompiledCodec {
  switch (schema.schemaType) {
    case 'AVRO':
      return compileAvro(schema.schema, references);
    case 'JSON':
      return compileJsonSchema(schema.schema, references);
    case 'PROTOBUF': {
      const { codec } = compileProtobuf(schema.schema, references);
      return {
        type: 'PROTOBUF',
        decode(body) {
          try {
            const { indexes, record } = readMessageIndexes(body);
            return codec(indexes).decode(record);
          } catch (error) {
            // @kafkajs/confluent-schema-registry writes no message indexes: the body is then the
            // first message type's record (a record never starts with a zero byte, a field tag).
            if (body.length > 0 && body[0] !== 0) {
              try {
                return codec([0]).decode(body);
              } catch {
                // Not that either: the first reason is the one to give.
              }
            }
            throw error;
          }
        },
        // Produced values are the first message type, framed with message indexes [0].
        validate: (value) => codec([0]).validate(value),
        encode: (value) => codec([0]).encode(value),
      };
    }
    default:
      throw new Error(`schema type ${String(schema.schemaType)} is not supported`);
  }
}
