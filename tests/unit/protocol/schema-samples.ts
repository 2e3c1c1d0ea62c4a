/**
 * Test support: builds random message objects straight from the JSON schema
 * definitions, independently of the generator's model and the generated code,
 * so codec round-trips check the generator against the definitions rather
 * than against itself.
 */
import type { FieldSpec, MessageSpec } from '@/scripts/protocol-schema';

function inVersions(spec: string | undefined, v: number): boolean {
  if (spec === undefined || spec === 'none') return false;
  if (spec.endsWith('+')) return v >= Number(spec.slice(0, -1));
  const [a, b] = spec.split('-').map(Number);
  return b === undefined ? v === a : v >= a && v <= b;
}

export function versionRange(spec: string): [number, number] {
  const [a, b] = spec.split('-').map(Number);
  return [a, b ?? a];
}

type Rand = () => number;

const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const STRINGS = ['', 'a', 'topic-1', 'héllo', '日本語', 'x'.repeat(40)];
const PRIMS = new Set(['bool', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float64', 'string', 'bytes', 'uuid', 'records']);

function structFields(schema: MessageSpec, field: FieldSpec, typeName: string): FieldSpec[] {
  if (field.fields) return field.fields;
  const common = schema.commonStructs?.find((c) => c.name === typeName);
  if (!common) throw new Error(`no struct ${typeName} in ${schema.name}`);
  return common.fields;
}

function int(rand: Rand, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function sampleScalar(type: string, rand: Rand): unknown {
  switch (type) {
    case 'bool':
      return rand() < 0.5;
    case 'int8':
      return int(rand, -128, 127);
    case 'int16':
      return int(rand, -32768, 32767);
    case 'uint16':
      return int(rand, 0, 65535);
    case 'int32':
      return int(rand, -2147483648, 2147483647);
    case 'uint32':
      return int(rand, 0, 4294967295);
    case 'int64':
      return rand() < 0.3 ? -1 : Math.floor((rand() - 0.5) * 2 * Number.MAX_SAFE_INTEGER);
    case 'float64':
      return (rand() - 0.5) * 1e6;
    case 'string':
      return STRINGS[int(rand, 0, STRINGS.length - 1)];
    case 'bytes':
    case 'records':
      return Buffer.from(Array.from({ length: int(rand, 0, 12) }, () => int(rand, 0, 255)));
    case 'uuid':
      return Buffer.from(Array.from({ length: 16 }, () => int(rand, 0, 255))).toString('base64url');
    default:
      throw new Error(`not a scalar: ${type}`);
  }
}

function sampleValue(schema: MessageSpec, field: FieldSpec, v: number, rand: Rand): unknown {
  if (inVersions(field.nullableVersions, v) && rand() < 0.25) return null;
  const isArray = field.type.startsWith('[]');
  const elem = isArray ? field.type.slice(2) : field.type;
  const one = (): unknown =>
    PRIMS.has(elem) ? sampleScalar(elem, rand) : sampleStruct(schema, structFields(schema, field, elem), v, rand);
  if (!isArray) return one();
  return Array.from({ length: int(rand, 0, 3) }, one);
}

export function sampleStruct(schema: MessageSpec, fields: FieldSpec[], v: number, rand: Rand): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!inVersions(f.versions, v)) continue;
    out[camel(f.name)] = sampleValue(schema, f, v, rand);
  }
  return out;
}

/** Keeps only the fields that exist in version `v`, recursively. */
export function project(schema: MessageSpec, fields: FieldSpec[], v: number, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!inVersions(f.versions, v)) continue;
    const key = camel(f.name);
    const elem = f.type.startsWith('[]') ? f.type.slice(2) : f.type;
    const x = obj[key];
    if (PRIMS.has(elem) || x === null || x === undefined) {
      out[key] = x;
    } else {
      const sub = structFields(schema, f, elem);
      out[key] = Array.isArray(x) ? x.map((e) => project(schema, sub, v, e)) : project(schema, sub, v, x);
    }
  }
  return out;
}
