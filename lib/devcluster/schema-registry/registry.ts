// The registry's operations, each as Confluent Schema Registry behaves: what it returns, what it
// refuses and with which error. Every change is a record written to the store first and then
// applied to memory, exactly as a replay on the next start would apply it.
import { describe, DEFAULT_COMPATIBILITY, incompatibilities, isCompatibilityLevel, isTransitive, type CompatibilityLevel } from './compatibility';
import { errors, RegistryError } from './errors';
import { configKey, deleteSubjectKey, encodeKey, encodeSchemaValue, encodeValue, modeKey, schemaKey, type SchemaReference, type SchemaType, type SchemaValue, type StoreKey } from './records';
import { identity, InvalidSchemaError, parseSchema, SCHEMA_TYPES, type ParsedSchema, type ResolvedReference } from './schema-types';
import { GLOBAL, RegistryState } from './state';

export const MODES = ['READWRITE', 'READONLY', 'IMPORT'] as const;
export type Mode = (typeof MODES)[number];

/** Where records go: the `_schemas` topic (or memory, in unit tests). */
export interface RegistryStore {
  append(key: Buffer, value: Buffer | null): void;
}

export interface SchemaInput {
  schema?: unknown;
  schemaType?: unknown;
  references?: unknown;
  id?: unknown;
  version?: unknown;
}

const MAX_VERSION = 2 ** 31 - 1;

export class SchemaRegistry {
  readonly state = new RegistryState();
  private readonly parsedCache = new Map<string, ParsedSchema>();

  constructor(private readonly store: RegistryStore) {}

  /** Applies a record read back from the store (replay on start). */
  replay(key: Buffer | null, value: Buffer | null): void {
    this.state.apply(key, value);
  }

  private write(key: StoreKey, value: Buffer | null): void {
    const k = encodeKey(key);
    this.store.append(k, value);
    this.state.apply(k, value);
  }

  // ---- reading ---------------------------------------------------------------------------

  subjects(includeDeleted: boolean, prefix = ''): string[] {
    return [...this.state.subjects.keys()].filter((s) => s.startsWith(prefix) && this.state.versions(s, includeDeleted).length > 0).sort();
  }

  versionNumbers(subject: string, includeDeleted: boolean): number[] {
    const versions = this.state.versions(subject, includeDeleted);
    if (versions.length === 0) throw errors.subjectNotFound(subject);
    return versions.map((v) => v.version);
  }

  /** One version; `version` is the path segment ("latest", "-1" or 1..2^31-1). */
  version(subject: string, version: string, includeDeleted = false): SchemaValue {
    const n = parseVersion(version);
    const versions = this.state.versions(subject, includeDeleted);
    if (versions.length === 0) {
      if (this.state.versions(subject, true).length > 0 && n !== 'latest') {
        const v = this.state.subjects.get(subject)?.get(n);
        if (v) throw errors.versionNotFound(n);
      }
      throw errors.subjectNotFound(subject);
    }
    const found = n === 'latest' ? versions[versions.length - 1] : versions.find((v) => v.version === n);
    if (!found) throw errors.versionNotFound(version);
    return found;
  }

  schemaById(id: number, subject?: string): SchemaValue {
    const all = this.state.byId(id);
    const pick = (subject ? all.filter((v) => v.subject === subject) : []).concat(all)[0];
    if (!pick) throw errors.schemaNotFound();
    return pick;
  }

  idVersions(id: number, includeDeleted = false): { subject: string; version: number }[] {
    const all = this.state.byId(id);
    if (all.length === 0) throw errors.schemaNotFound();
    return all.filter((v) => includeDeleted || !v.deleted).map((v) => ({ subject: v.subject, version: v.version }));
  }

  referencedBy(subject: string, version: string): number[] {
    const target = this.version(subject, version, true);
    const ids = new Set<number>();
    for (const versions of this.state.subjects.values()) {
      for (const v of versions.values()) {
        if (!v.deleted && v.references?.some((r) => r.subject === target.subject && r.version === target.version)) ids.add(v.id);
      }
    }
    return [...ids].sort((a, b) => a - b);
  }

  /** The schema registered under `subject` that equals the one given (POST /subjects/{s}). */
  lookup(subject: string, input: SchemaInput, includeDeleted = false): SchemaValue {
    if (this.state.versions(subject, true).length === 0) throw errors.subjectNotFound(subject);
    const { parsed, references } = this.parseInput(input);
    const key = identity(parsed, references);
    const found = this.state.versions(subject, includeDeleted).find((v) => identity(this.parsedOf(v), v.references ?? []) === key);
    if (!found) throw errors.schemaNotFound();
    return found;
  }

  // ---- registering -----------------------------------------------------------------------

  register(subject: string, input: SchemaInput): number {
    const mode = this.modeOf(subject);
    if (mode === 'READONLY') throw errors.notPermitted(`Subject ${subject} is in read-only mode`);
    const { parsed, references, schemaType } = this.parseInput(input);
    const key = identity(parsed, references);
    const live = this.state.versions(subject);
    const same = live.find((v) => identity(this.parsedOf(v), v.references ?? []) === key);
    if (same) return same.id;

    const importing = mode === 'IMPORT';
    if (!importing && (input.id !== undefined && input.id !== -1)) throw errors.notPermitted(`Subject ${subject} is not in import mode`);
    if (!importing) this.assertCompatible(subject, parsed, live);
    const all = this.state.versions(subject, true);
    const version = importing && typeof input.version === 'number' ? input.version : (all[all.length - 1]?.version ?? 0) + 1;
    if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) throw errors.invalidVersion(String(version));
    let id: number;
    if (importing && typeof input.id === 'number') {
      if (!Number.isInteger(input.id) || input.id < 1) throw errors.invalidSchema(`Invalid id ${input.id}`);
      const clash = this.state.byId(input.id).find((v) => identity(this.parsedOf(v), v.references ?? []) !== key);
      if (clash) throw errors.notPermitted(`Overwrite new schema with id ${input.id} is not permitted.`);
      id = input.id;
    } else {
      id = this.existingId(key) ?? this.state.nextId();
    }
    const value: SchemaValue = { subject, version, id, schemaType, references, schema: parsed.canonical, deleted: false };
    this.write(schemaKey(subject, version), encodeSchemaValue(value));
    return id;
  }

  private existingId(key: string): number | undefined {
    for (const versions of this.state.subjects.values()) {
      for (const v of versions.values()) if (identity(this.parsedOf(v), v.references ?? []) === key) return v.id;
    }
    return undefined;
  }

  private assertCompatible(subject: string, candidate: ParsedSchema, live: SchemaValue[]): void {
    const level = this.compatibilityOf(subject);
    const messages = this.check(level, candidate, isTransitive(level) ? live : live.slice(-1));
    if (messages.length > 0) {
      throw errors.incompatible(`Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${messages.join(', ')}]`);
    }
  }

  private check(level: CompatibilityLevel, candidate: ParsedSchema, against: SchemaValue[]): string[] {
    const out: string[] = [];
    for (const old of [...against].reverse()) {
      const found = incompatibilities(level, candidate, this.parsedOf(old));
      if (found.length === 0) continue;
      out.push(...found.map(describe), `{oldSchemaVersion: ${old.version}}`, `{oldSchema: '${old.schema}'}`, `{compatibility: '${level}'}`);
    }
    return out;
  }

  /** POST /compatibility/subjects/{s}/versions[/{v}]: `version` null means every live version. */
  testCompatibility(subject: string, version: string | null, input: SchemaInput): { is_compatible: boolean; messages: string[] } {
    const { parsed } = this.parseInput(input);
    const level = this.compatibilityOf(subject);
    let against: SchemaValue[];
    if (version === null) {
      const live = this.state.versions(subject);
      against = isTransitive(level) ? live : live.slice(-1);
    } else {
      if (parseVersion(version) === 'latest' && this.state.versions(subject).length === 0) return { is_compatible: true, messages: [] };
      against = [this.version(subject, version)];
    }
    if (level === 'NONE') return { is_compatible: true, messages: [] };
    const messages = this.check(level, parsed, against);
    return { is_compatible: messages.length === 0, messages };
  }

  // ---- config and mode -------------------------------------------------------------------

  compatibilityOf(subject: string): CompatibilityLevel {
    const level = this.state.configs.get(subject) ?? this.state.configs.get(GLOBAL) ?? DEFAULT_COMPATIBILITY;
    return isCompatibilityLevel(level) ? level : DEFAULT_COMPATIBILITY;
  }

  config(subject: string | null, defaultToGlobal: boolean): CompatibilityLevel {
    if (subject === null) return this.compatibilityOf(GLOBAL);
    const own = this.state.configs.get(subject);
    if (own && isCompatibilityLevel(own)) return own;
    if (defaultToGlobal) return this.compatibilityOf(GLOBAL);
    throw errors.subjectConfigNotFound(subject);
  }

  setConfig(subject: string | null, level: unknown): CompatibilityLevel {
    const upper = typeof level === 'string' ? level.toUpperCase() : level;
    if (!isCompatibilityLevel(upper)) throw errors.invalidCompatibility();
    this.write(configKey(subject), encodeValue({ compatibilityLevel: upper }));
    return upper;
  }

  deleteConfig(subject: string | null): CompatibilityLevel {
    const previous = subject === null ? this.compatibilityOf(GLOBAL) : this.config(subject, false);
    this.write(configKey(subject), null);
    return previous;
  }

  modeOf(subject: string): Mode {
    const mode = this.state.modes.get(subject) ?? this.state.modes.get(GLOBAL) ?? 'READWRITE';
    return (MODES as readonly string[]).includes(mode) ? (mode as Mode) : 'READWRITE';
  }

  mode(subject: string | null, defaultToGlobal: boolean): Mode {
    if (subject === null) return this.modeOf(GLOBAL);
    if (this.state.modes.has(subject) || defaultToGlobal) return this.modeOf(subject);
    throw errors.subjectModeNotFound(subject);
  }

  setMode(subject: string | null, mode: unknown, force: boolean): Mode {
    const upper = typeof mode === 'string' ? mode.toUpperCase() : mode;
    if (!(MODES as readonly unknown[]).includes(upper)) throw errors.invalidMode(mode);
    // Confluent refuses IMPORT over existing schemas unless forced: imported ids could clash.
    const hasSchemas = subject === null ? this.subjects(false).length > 0 : this.state.versions(subject).length > 0;
    if (upper === 'IMPORT' && hasSchemas && !force) throw errors.notPermitted('Cannot import since found existing subjects');
    this.write(modeKey(subject), encodeValue({ mode: upper }));
    return upper as Mode;
  }

  deleteMode(subject: string): Mode {
    const previous = this.mode(subject, false);
    this.write(modeKey(subject), null);
    return previous;
  }

  // ---- deleting --------------------------------------------------------------------------

  /** DELETE /subjects/{s}: soft first; permanent only once soft-deleted. Returns the versions deleted. */
  deleteSubject(subject: string, permanent: boolean): number[] {
    this.assertWritable(subject);
    const all = this.state.versions(subject, true);
    if (all.length === 0) throw errors.subjectNotFound(subject);
    const live = all.filter((v) => !v.deleted);
    if (permanent) {
      if (live.length > 0) throw errors.subjectNotSoftDeleted(subject);
      for (const v of all) this.assertNotReferenced(v);
      for (const v of all) this.write(schemaKey(subject, v.version), null);
      return all.map((v) => v.version);
    }
    if (live.length === 0) throw errors.subjectSoftDeleted(subject);
    for (const v of live) this.assertNotReferenced(v);
    this.write(deleteSubjectKey(subject), encodeValue({ subject, version: live[live.length - 1].version }));
    // Each version is also rewritten as deleted, so compaction keeps the fact.
    for (const v of live) this.write(schemaKey(subject, v.version), encodeSchemaValue({ ...v, deleted: true }));
    return live.map((v) => v.version);
  }

  deleteVersion(subject: string, version: string, permanent: boolean): number {
    this.assertWritable(subject);
    if (this.state.versions(subject, true).length === 0) throw errors.subjectNotFound(subject);
    const n = parseVersion(version);
    const target = n === 'latest' ? this.state.versions(subject, permanent).at(-1) : this.state.subjects.get(subject)?.get(n);
    if (!target) throw errors.versionNotFound(version);
    this.assertNotReferenced(target);
    if (permanent) {
      if (!target.deleted) throw errors.versionNotSoftDeleted(subject, target.version);
      this.write(schemaKey(subject, target.version), null);
    } else {
      if (target.deleted) throw errors.versionSoftDeleted(subject, target.version);
      this.write(schemaKey(subject, target.version), encodeSchemaValue({ ...target, deleted: true }));
    }
    return target.version;
  }

  private assertWritable(subject: string): void {
    if (this.modeOf(subject) === 'READONLY') throw errors.notPermitted(`Subject ${subject} is in read-only mode`);
  }

  private assertNotReferenced(v: SchemaValue): void {
    for (const versions of this.state.subjects.values()) {
      for (const other of versions.values()) {
        if (!other.deleted && other.references?.some((r) => r.subject === v.subject && r.version === v.version)) {
          throw errors.referenceExists(`One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=${v.subject},version=${v.version}}.`);
        }
      }
    }
  }

  // ---- parsing ---------------------------------------------------------------------------

  private parseInput(input: SchemaInput): { parsed: ParsedSchema; references: SchemaReference[]; schemaType: SchemaType } {
    if (typeof input.schema !== 'string' || input.schema.trim() === '') throw errors.invalidSchema('Empty schema');
    const schemaType = (input.schemaType ?? 'AVRO') as SchemaType;
    if (!SCHEMA_TYPES.includes(schemaType)) throw errors.invalidSchema(`Invalid schema type ${String(input.schemaType)}`);
    const references = parseReferences(input.references);
    const resolved = references.map((r) => this.resolveReference(r));
    try {
      return { parsed: parseSchema(schemaType, input.schema, resolved), references, schemaType };
    } catch (err) {
      if (err instanceof InvalidSchemaError) throw errors.invalidSchema(`${err.message}`);
      throw err;
    }
  }

  private resolveReference(ref: SchemaReference, depth = 0): ResolvedReference {
    if (depth > 32) throw errors.invalidSchema('Schema references nest too deeply');
    const v = this.state.versions(ref.subject).find((x) => (ref.version === -1 ? true : x.version === ref.version));
    const target = ref.version === -1 ? this.state.versions(ref.subject).at(-1) : v;
    if (!target) throw errors.invalidSchema(`Invalid schema: reference ${ref.name} to subject ${ref.subject} version ${ref.version} not found`);
    return {
      name: ref.name,
      schemaType: target.schemaType ?? 'AVRO',
      schema: target.schema,
      references: (target.references ?? []).map((r) => this.resolveReference(r, depth + 1)),
    };
  }

  /** The parsed form of a stored version (cached: stored versions never change their schema). */
  parsedOf(v: SchemaValue): ParsedSchema {
    const key = `${v.id}\u0000${v.subject}\u0000${v.version}`;
    let parsed = this.parsedCache.get(key);
    if (!parsed) {
      const resolved = (v.references ?? []).map((r) => this.resolveReferenceLenient(r));
      try {
        parsed = parseSchema(v.schemaType ?? 'AVRO', v.schema, resolved);
      } catch {
        // A stored schema that no longer parses (a dangling reference) still has an identity.
        parsed = { schemaType: v.schemaType ?? 'AVRO', canonical: v.schema, parsed: null };
      }
      this.parsedCache.set(key, parsed);
    }
    return parsed;
  }

  private resolveReferenceLenient(r: SchemaReference): ResolvedReference {
    try {
      return this.resolveReference(r);
    } catch (err) {
      if (err instanceof RegistryError) return { name: r.name, schemaType: 'AVRO', schema: '"null"', references: [] };
      throw err;
    }
  }
}

export function parseVersion(version: string): number | 'latest' {
  if (version === 'latest' || version === '-1') return 'latest';
  if (!/^\d{1,10}$/.test(version)) throw errors.invalidVersion(version);
  const n = Number(version);
  if (n < 1 || n > MAX_VERSION) throw errors.invalidVersion(version);
  return n;
}

function parseReferences(raw: unknown): SchemaReference[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > 1000) throw errors.invalidSchema('references must be an array of {name, subject, version}');
  return raw.map((r: unknown) => {
    const ref = r as Partial<SchemaReference>;
    if (!ref || typeof ref.name !== 'string' || typeof ref.subject !== 'string' || !Number.isInteger(ref.version)) {
      throw errors.invalidSchema('Each reference needs a name, a subject and an integer version');
    }
    return { name: ref.name, subject: ref.subject, version: ref.version as number };
  });
}
