/**
 * The generator's model of a message definition: version ranges, field types, and the structs a
 * message holds with the versions in which each is reachable.
 */
import type { FieldSpec, MessageSpec } from '../protocol-schema';

export interface Range {
  min: number;
  max: number;
}

export const EMPTY: Range = { min: 1, max: 0 };

function parseRange(s: string | undefined): Range {
  if (s === undefined || s === 'none') return EMPTY;
  if (s.endsWith('+')) return { min: Number(s.slice(0, -1)), max: Infinity };
  const dash = s.indexOf('-');
  if (dash >= 0) return { min: Number(s.slice(0, dash)), max: Number(s.slice(dash + 1)) };
  return { min: Number(s), max: Number(s) };
}

export const isEmpty = (r: Range): boolean => r.min > r.max;
export const intersect = (a: Range, b: Range): Range =>
  isEmpty(a) || isEmpty(b) ? EMPTY : { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) };
const hull = (a: Range, b: Range): Range =>
  isEmpty(a) ? b : isEmpty(b) ? a : { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
export const covers = (outer: Range, inner: Range): boolean =>
  isEmpty(inner) || (!isEmpty(outer) && outer.min <= inner.min && outer.max >= inner.max);
export const sameRange = (a: Range, b: Range): boolean => (isEmpty(a) && isEmpty(b)) || (a.min === b.min && a.max === b.max);

const PRIMITIVES = new Set(['bool', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float64', 'string', 'bytes', 'uuid', 'records']);

export type TypeRef = { kind: 'prim'; name: string } | { kind: 'array'; elem: TypeRef } | { kind: 'struct'; struct: StructModel };

export interface FieldModel {
  name: string;
  about: string | undefined;
  type: TypeRef;
  versions: Range;
  nullable: Range;
  tagged: Range;
  tag: number | undefined;
  defaultValue: string | undefined;
  flexible: Range;
}

export interface StructModel {
  tsName: string;
  spec: FieldSpec[];
  fields: FieldModel[];
  versions: Range;
  built: boolean;
}

export interface MessageModel {
  spec: MessageSpec;
  root: StructModel;
  structs: StructModel[];
  valid: Range;
  flexible: Range;
}

const lowerCamel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export function buildMessage(spec: MessageSpec): MessageModel {
  const valid = parseRange(spec.validVersions);
  const flexible = parseRange(spec.flexibleVersions);
  const byName = new Map<string, StructModel>();
  const structs: StructModel[] = [];
  const common = new Map((spec.commonStructs ?? []).map((c) => [c.name, c]));
  const prefix = spec.name;

  const structFor = (name: string, fields: FieldSpec[] | undefined): StructModel => {
    const existing = byName.get(name);
    if (existing) {
      if (fields && fields.length > 0 && existing.spec !== fields) {
        throw new Error(`${spec.name}: struct ${name} defined more than once`);
      }
      return existing;
    }
    const own = fields ?? common.get(name)?.fields;
    if (!own) throw new Error(`${spec.name}: unknown struct type ${name}`);
    const model: StructModel = {
      tsName: name.startsWith(prefix) ? name : prefix + name,
      spec: own,
      fields: [],
      versions: EMPTY,
      built: false,
    };
    byName.set(name, model);
    structs.push(model);
    return model;
  };

  const resolveType = (f: FieldSpec): TypeRef => {
    const t = f.type;
    if (t.startsWith('[]')) {
      const inner = t.slice(2);
      if (PRIMITIVES.has(inner)) return { kind: 'array', elem: { kind: 'prim', name: inner } };
      return { kind: 'array', elem: { kind: 'struct', struct: structFor(inner, f.fields) } };
    }
    if (PRIMITIVES.has(t)) return { kind: 'prim', name: t };
    return { kind: 'struct', struct: structFor(t, f.fields) };
  };

  const buildFields = (struct: StructModel): void => {
    if (struct.built) return;
    struct.built = true;
    for (const f of struct.spec) {
      const model: FieldModel = {
        name: lowerCamel(f.name),
        about: f.about,
        type: resolveType(f),
        versions: parseRange(f.versions),
        nullable: parseRange(f.nullableVersions),
        tagged: parseRange(f.taggedVersions),
        tag: f.tag,
        defaultValue: f.default === undefined ? undefined : String(f.default),
        flexible: f.flexibleVersions === undefined ? flexible : parseRange(f.flexibleVersions),
      };
      if (!isEmpty(model.tagged) && model.tag === undefined) throw new Error(`${spec.name}.${f.name}: tagged without tag`);
      struct.fields.push(model);
      const inner = model.type.kind === 'array' ? model.type.elem : model.type;
      if (inner.kind === 'struct') buildFields(inner.struct);
    }
  };

  const root: StructModel = { tsName: spec.name, spec: spec.fields, fields: [], versions: valid, built: false };
  buildFields(root);

  // A struct's version range is the union of the ranges in which it is reachable.
  const visit = (struct: StructModel, range: Range): void => {
    for (const f of struct.fields) {
      const inner = f.type.kind === 'array' ? f.type.elem : f.type;
      if (inner.kind !== 'struct') continue;
      const use = intersect(f.versions, range);
      if (isEmpty(use)) continue;
      const next = hull(inner.struct.versions, use);
      if (!sameRange(next, inner.struct.versions)) {
        inner.struct.versions = next;
        visit(inner.struct, next);
      }
    }
  };
  visit(root, valid);

  return { spec, root, structs: structs.filter((s) => !isEmpty(s.versions)), valid, flexible };
}
