// Schema Registry vocabulary shared by the server and the browser.

export const SCHEMA_TYPES = ['AVRO', 'PROTOBUF', 'JSON'] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

export const COMPATIBILITY_LEVELS = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

/** Another subject's schema that this one imports (a Protobuf import, an Avro named type, a JSON $ref). */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

/** A schema as the registry stores it under an id. The registry omits schemaType for Avro. */
export interface RegisteredSchema {
  id: number;
  schemaType: SchemaType;
  schema: string;
  references: SchemaReference[];
}

/** One version of a subject. */
export interface SubjectVersion extends RegisteredSchema {
  subject: string;
  version: number;
}

/** What is sent to register or check a schema. */
export interface NewSchema {
  schemaType: SchemaType;
  schema: string;
  references?: SchemaReference[];
}
