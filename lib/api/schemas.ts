import { z } from 'zod';
import { COMPATIBILITY_LEVELS, SCHEMA_TYPES } from '@/lib/schemas/types';

// The HTTP contract of /api/clusters/:cluster/schemas/**: every query, body and answer.

/** A subject name in a URL. The registry allows any text; the bounds keep it sane. */
export const subjectParam = z.string().min(1, 'subject is empty').max(1_000, 'subject is longer than 1000 characters');

export const versionParam = z.coerce
  .number({ error: 'version must be a number' })
  .int('version must be a whole number')
  .min(1, 'version must be 1 or more')
  .max(2_147_483_647, 'version is too large');

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

export const subjectQuery = z.object({ deleted: flag });
export const deleteSubjectQuery = z.object({ permanent: flag });

export const schemaTypeField = z.enum(SCHEMA_TYPES, { error: `schemaType must be one of ${SCHEMA_TYPES.join(', ')}` });
export const compatibilityField = z.enum(COMPATIBILITY_LEVELS, { error: `compatibility must be one of ${COMPATIBILITY_LEVELS.join(', ')}` });

export const schemaReference = z.strictObject({
  name: z.string().min(1).max(1_000),
  subject: subjectParam,
  version: z.number().int().min(1),
});

/** Largest schema text accepted (the registry's own default limit is about this). */
export const MAX_SCHEMA_CHARS = 1_000_000;

export const newSchemaInput = z.strictObject({
  schemaType: schemaTypeField.default('AVRO'),
  schema: z.string({ error: 'schema is required' }).min(1, 'schema is empty').max(MAX_SCHEMA_CHARS, `schema is longer than ${MAX_SCHEMA_CHARS} characters`),
  references: z.array(schemaReference).max(100).default([]),
});
export type NewSchemaInput = z.input<typeof newSchemaInput>;

/** `compatibility: null` returns the subject to the global level. */
export const setCompatibilityInput = z.strictObject({ compatibility: compatibilityField.nullable() });
export type SetCompatibilityInput = z.infer<typeof setCompatibilityInput>;

/** The subject's name typed again; anything else refuses the deletion. */
export const deleteSchemaInput = z.strictObject({
  confirm: z.string({ error: 'Type the subject name to confirm.' }).max(10_000),
});
export type DeleteSchemaInput = z.infer<typeof deleteSchemaInput>;

export const registryInfo = z.object({ url: z.string() }).nullable();

export const subjectRow = z.object({
  subject: z.string(),
  schemaType: schemaTypeField,
  latestVersion: z.number(),
  latestId: z.number(),
  compatibility: compatibilityField,
  versionCount: z.number(),
  topics: z.array(z.string()),
});
export type SubjectRow = z.infer<typeof subjectRow>;

export const subjectsAnswer = z.object({ registry: registryInfo, subjects: z.array(subjectRow) });
export type SubjectsAnswer = z.infer<typeof subjectsAnswer>;

export const schemaVersionRow = z.object({
  version: z.number(),
  id: z.number(),
  schemaType: schemaTypeField,
  schema: z.string(),
  references: z.array(schemaReference),
  deleted: z.boolean(),
});
export type SchemaVersionRow = z.infer<typeof schemaVersionRow>;

export const subjectDetail = z.object({
  registry: z.object({ url: z.string() }),
  subject: z.string(),
  versions: z.array(schemaVersionRow),
  /** Ids of schemas that reference the latest version. */
  referencedBy: z.array(z.object({ id: z.number(), subjects: z.array(z.object({ subject: z.string(), version: z.number() })) })),
  compatibility: z.object({ level: compatibilityField, own: z.boolean() }),
  topics: z.array(z.string()),
  /** Why some topics may be missing from `topics`. */
  usageNote: z.string(),
});
export type SubjectDetail = z.infer<typeof subjectDetail>;

export const compatibilityVerdict = z.object({ compatible: z.boolean(), messages: z.array(z.string()), level: compatibilityField });
export type CompatibilityVerdict = z.infer<typeof compatibilityVerdict>;

export const registered = z.object({ id: z.number(), version: z.number() });
export type Registered = z.infer<typeof registered>;

export const deletedVersions = z.object({ subject: z.string(), versions: z.array(z.number()), permanent: z.boolean() });
export type DeletedVersions = z.infer<typeof deletedVersions>;
