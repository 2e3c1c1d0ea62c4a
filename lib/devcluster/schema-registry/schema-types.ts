// Parsing and validating a schema of each type, and the canonical text that decides whether two
// registrations are "the same schema" (same id).
import Ajv from 'ajv';
import avsc from 'avsc';
import protobuf from 'protobufjs';
import type { SchemaReference, SchemaType } from './records';

export const SCHEMA_TYPES: readonly SchemaType[] = ['JSON', 'PROTOBUF', 'AVRO'];

export class InvalidSchemaError extends Error {}

/** A referenced schema, already resolved by the registry. */
export interface ResolvedReference {
  name: string;
  schemaType: SchemaType;
  schema: string;
  references: ResolvedReference[];
}

export interface ParsedSchema {
  schemaType: SchemaType;
  canonical: string;
  /** avsc Type, protobufjs Root or JSON Schema object, for the compatibility checks. */
  parsed: unknown;
}

export function parseSchema(schemaType: SchemaType, schema: string, references: ResolvedReference[] = []): ParsedSchema {
  try {
    switch (schemaType) {
      case 'AVRO': {
        const json: unknown = JSON.parse(schema);
        const registry: Record<string, avsc.Type> = {};
        registerAvroReferences(references, registry);
        const parsed = avsc.Type.forSchema(json as avsc.Schema, { registry });
        return { schemaType, canonical: JSON.stringify(json), parsed };
      }
      case 'PROTOBUF': {
        const result = protobuf.parse(schema, { keepCase: true });
        return { schemaType, canonical: schema.trim(), parsed: result.root };
      }
      case 'JSON': {
        const json: unknown = JSON.parse(schema);
        if (typeof json !== 'object' && typeof json !== 'boolean') throw new Error('a JSON Schema is an object or a boolean');
        const ajv = new Ajv({ strict: false, validateSchema: true, addUsedSchema: false });
        // A reference's name is the URI the schema's $ref uses for it.
        for (const ref of flatten(references)) if (ref.schemaType === 'JSON' && !ajv.getSchema(ref.name)) ajv.addSchema(JSON.parse(ref.schema) as object, ref.name);
        ajv.compile(json as object);
        return { schemaType, canonical: JSON.stringify(json), parsed: json };
      }
    }
  } catch (err) {
    throw new InvalidSchemaError(`Invalid schema: ${(err as Error).message}`);
  }
}

function registerAvroReferences(references: ResolvedReference[], registry: Record<string, avsc.Type>): void {
  for (const ref of references) {
    registerAvroReferences(ref.references, registry);
    avsc.Type.forSchema(JSON.parse(ref.schema) as avsc.Schema, { registry });
  }
}

function flatten(references: ResolvedReference[]): ResolvedReference[] {
  return references.flatMap((r) => [...flatten(r.references), r]);
}

/** The identity of a registration: type, canonical text and references. */
export function identity(p: ParsedSchema, references: SchemaReference[]): string {
  return JSON.stringify([p.schemaType, p.canonical, references.map((r) => [r.name, r.subject, r.version])]);
}
