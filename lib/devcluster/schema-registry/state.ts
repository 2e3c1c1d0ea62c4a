// The registry's in-memory state, rebuilt by replaying `_schemas` and kept current by applying
// each record this registry writes, so the topic and the memory never disagree.
import { decodeJson, decodeKey, decodeSchemaValue, type ConfigValue, type DeleteSubjectValue, type ModeValue, type SchemaValue } from './records';

/** The key of the global config/mode in the maps below. */
export const GLOBAL = '';

export class RegistryState {
  /** subject → version → schema, soft-deleted versions included. */
  readonly subjects = new Map<string, Map<number, SchemaValue>>();
  readonly configs = new Map<string, string>();
  readonly modes = new Map<string, string>();
  /** Ids are global and never reused, even after a hard delete. */
  private maxId = 0;

  nextId(): number {
    return this.maxId + 1;
  }

  apply(keyBuf: Buffer | null, value: Buffer | null): void {
    const key = decodeKey(keyBuf);
    if (!key) return;
    switch (key.keytype) {
      case 'SCHEMA': {
        const versions = this.subjects.get(key.subject);
        if (value === null) {
          versions?.delete(key.version);
          if (versions && versions.size === 0) this.subjects.delete(key.subject);
          return;
        }
        const v = decodeSchemaValue(value);
        if (!v) return;
        this.maxId = Math.max(this.maxId, v.id);
        if (!versions) this.subjects.set(key.subject, new Map([[v.version, v]]));
        else versions.set(v.version, v);
        return;
      }
      case 'CONFIG':
      case 'MODE': {
        const map = key.keytype === 'CONFIG' ? this.configs : this.modes;
        const scope = key.subject ?? GLOBAL;
        const parsed = value ? decodeJson<Partial<ConfigValue & ModeValue>>(value) : null;
        const level = key.keytype === 'CONFIG' ? parsed?.compatibilityLevel : parsed?.mode;
        if (typeof level === 'string') map.set(scope, level);
        else map.delete(scope);
        return;
      }
      case 'DELETE_SUBJECT': {
        const parsed = value ? decodeJson<DeleteSubjectValue>(value) : null;
        const upTo = typeof parsed?.version === 'number' ? parsed.version : Infinity;
        for (const v of this.subjects.get(key.subject)?.values() ?? []) if (v.version <= upTo) v.deleted = true;
        return;
      }
      case 'CLEAR_SUBJECT':
      case 'NOOP':
        return;
    }
  }

  /** Versions of a subject in order; soft-deleted ones only when asked. */
  versions(subject: string, includeDeleted = false): SchemaValue[] {
    const all = [...(this.subjects.get(subject)?.values() ?? [])].sort((a, b) => a.version - b.version);
    return includeDeleted ? all : all.filter((v) => !v.deleted);
  }

  /** Any stored version carrying `id` (soft-deleted ones still resolve, as in Confluent). */
  byId(id: number): SchemaValue[] {
    const out: SchemaValue[] = [];
    for (const versions of this.subjects.values()) for (const v of versions.values()) if (v.id === id) out.push(v);
    return out;
  }
}
