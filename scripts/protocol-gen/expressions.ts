/**
 * TypeScript expressions and statements for one field: its type, default, version conditions,
 * and the reader/writer calls that decode and encode it.
 */
import { covers, EMPTY, type FieldModel, intersect, isEmpty, type Range, sameRange, type StructModel, type TypeRef } from './model';

export class Emitter {
  private readonly lines: string[] = [];
  line(s = ''): void {
    this.lines.push(s);
  }
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

export const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A boolean expression for `v ∈ r`, given that v is already known to lie in `within`. */
export function versionCond(r: Range, within: Range): string {
  if (covers(r, within)) return 'true';
  if (isEmpty(intersect(r, within))) return 'false';
  const parts: string[] = [];
  if (r.min > within.min) parts.push(`v >= ${r.min}`);
  if (r.max < within.max) parts.push(`v <= ${r.max}`);
  return parts.join(' && ');
}

export const and = (a: string, b: string): string => (a === 'true' ? b : b === 'true' ? a : a === 'false' || b === 'false' ? 'false' : `${a} && ${b}`);

export function tsType(t: TypeRef): string {
  if (t.kind === 'array') {
    const inner = tsType(t.elem);
    return `${inner}[]`;
  }
  if (t.kind === 'struct') return t.struct.tsName;
  switch (t.name) {
    case 'bool':
      return 'boolean';
    case 'string':
    case 'uuid':
      return 'string';
    case 'bytes':
    case 'records':
      return 'Buffer';
    default:
      return 'number';
  }
}

export interface GenContext {
  runtime: Set<string>;
}

/** The versions, within the struct's range, in which a field is on the wire at all. */
export const presentRange = (f: FieldModel, s: StructModel): Range => intersect(f.versions, s.versions);

export function isNullable(f: FieldModel, s: StructModel): boolean {
  return !isEmpty(intersect(f.nullable, presentRange(f, s)));
}

export function isOptional(f: FieldModel, s: StructModel): boolean {
  return !covers(f.versions, s.versions) || !isEmpty(f.tagged);
}

export function defaultExpr(f: FieldModel, s: StructModel, ctx: GenContext): string {
  const d = f.defaultValue;
  const nullable = isNullable(f, s);
  if (d === 'null' && nullable) return 'null';
  const t = f.type;
  if (t.kind === 'array') return '[]';
  if (t.kind === 'struct') return structDefault(t.struct, ctx);
  switch (t.name) {
    case 'bool':
      return d === 'true' ? 'true' : 'false';
    case 'string':
      return d === undefined ? "''" : quote(d);
    case 'uuid':
      ctx.runtime.add('ZERO_UUID');
      return 'ZERO_UUID';
    case 'bytes':
    case 'records':
      if (nullable && (t.name === 'records' || d === undefined)) return 'null';
      ctx.runtime.add('EMPTY_BUFFER');
      return 'EMPTY_BUFFER';
    default: {
      if (d === undefined || d === '') return '0';
      const n = Number(d);
      if (!Number.isFinite(n)) throw new Error(`bad numeric default ${d}`);
      return String(n);
    }
  }
}

function structDefault(s: StructModel, ctx: GenContext): string {
  const parts = s.fields.filter((f) => !isEmpty(presentRange(f, s))).map((f) => `${f.name}: ${defaultExpr(f, s, ctx)}`);
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

/** Statement(s) writing value expression `x` of type `t`. */
export function writeValue(t: TypeRef, x: string, compact: string, nullable: string, label: string, w: string, ctx: GenContext): string {
  if (t.kind === 'array') {
    ctx.runtime.add('writeArrayField');
    const elem = writeValue(t.elem, 'item', compact, 'false', `${label}[]`, 'aw', ctx).replace(/;$/, '');
    return `writeArrayField(${w}, ${x}, ${compact}, ${nullable}, ${quote(label)}, (aw, item) => ${elem});`;
  }
  if (t.kind === 'struct') {
    if (nullable === 'false') return `encode${t.struct.tsName}(${w}, v, ${x});`;
    ctx.runtime.add('writeStructField');
    return `writeStructField(${w}, ${x}, ${nullable}, ${quote(label)}, (sw, item) => encode${t.struct.tsName}(sw, v, item));`;
  }
  switch (t.name) {
    case 'bool':
      return `${w}.writeBool(${x});`;
    case 'int8':
      return `${w}.writeInt8(${x});`;
    case 'int16':
      return `${w}.writeInt16(${x});`;
    case 'uint16':
      return `${w}.writeUInt16(${x});`;
    case 'int32':
      return `${w}.writeInt32(${x});`;
    case 'uint32':
      return `${w}.writeUInt32(${x});`;
    case 'int64':
      return `${w}.writeInt64(${x});`;
    case 'float64':
      return `${w}.writeFloat64(${x});`;
    case 'uuid':
      return `${w}.writeUuid(${x});`;
    case 'string':
      ctx.runtime.add('writeStringField');
      return `writeStringField(${w}, ${x}, ${compact}, ${nullable}, ${quote(label)});`;
    case 'bytes':
    case 'records':
      ctx.runtime.add('writeBytesField');
      return `writeBytesField(${w}, ${x}, ${compact}, ${nullable}, ${quote(label)});`;
    default:
      throw new Error(`unknown type ${t.name}`);
  }
}

function pickNullable(nullable: string, whenNull: string, otherwise: string): string {
  if (nullable === 'true') return whenNull;
  if (nullable === 'false') return otherwise;
  return `(${nullable} ? ${whenNull} : ${otherwise})`;
}

/** Expression reading a value of type `t`. */
export function readValue(t: TypeRef, compact: string, nullable: string, r: string, ctx: GenContext): string {
  if (t.kind === 'array') {
    const elem = readValue(t.elem, compact, 'false', 'ar', ctx);
    const fn = `(ar) => ${elem}`;
    if (nullable !== 'false') ctx.runtime.add('readNullableArrayField');
    if (nullable !== 'true') ctx.runtime.add('readArrayField');
    return pickNullable(nullable, `readNullableArrayField(${r}, ${compact}, ${fn})`, `readArrayField(${r}, ${compact}, ${fn})`);
  }
  if (t.kind === 'struct') {
    const plain = `decode${t.struct.tsName}(${r}, v)`;
    if (nullable === 'false') return plain;
    ctx.runtime.add('readNullableStructField');
    return pickNullable(nullable, `readNullableStructField(${r}, (sr) => decode${t.struct.tsName}(sr, v))`, plain);
  }
  switch (t.name) {
    case 'bool':
      return `${r}.readBool()`;
    case 'int8':
      return `${r}.readInt8()`;
    case 'int16':
      return `${r}.readInt16()`;
    case 'uint16':
      return `${r}.readUInt16()`;
    case 'int32':
      return `${r}.readInt32()`;
    case 'uint32':
      return `${r}.readUInt32()`;
    case 'int64':
      return `${r}.readInt64()`;
    case 'float64':
      return `${r}.readFloat64()`;
    case 'uuid':
      return `${r}.readUuid()`;
    case 'string':
      if (nullable !== 'false') ctx.runtime.add('readNullableStringField');
      if (nullable !== 'true') ctx.runtime.add('readStringField');
      return pickNullable(nullable, `readNullableStringField(${r}, ${compact})`, `readStringField(${r}, ${compact})`);
    case 'bytes':
    case 'records':
      if (nullable !== 'false') ctx.runtime.add('readNullableBytesField');
      if (nullable !== 'true') ctx.runtime.add('readBytesField');
      return pickNullable(nullable, `readNullableBytesField(${r}, ${compact})`, `readBytesField(${r}, ${compact})`);
    default:
      throw new Error(`unknown type ${t.name}`);
  }
}

/** Versions (within the struct) in which a field is a regular, non-tagged field. */
export function regularRange(f: FieldModel, s: StructModel): Range {
  const present = presentRange(f, s);
  const tagged = intersect(f.tagged, present);
  if (isEmpty(tagged)) return present;
  if (sameRange(tagged, present)) return EMPTY;
  if (tagged.max === present.max && tagged.min > present.min) return { min: present.min, max: tagged.min - 1 };
  throw new Error(`${s.tsName}.${f.name}: unsupported tagged/regular version split`);
}

/** Condition under which a tagged field differs from its default and must be written. */
export function taggedWriteCond(f: FieldModel, s: StructModel, x: string, ctx: GenContext): string {
  const def = defaultExpr(f, s, ctx);
  const t = f.type;
  if (def === 'null') return `${x} != null`;
  if (t.kind === 'struct') return `${x} != null`;
  const nullable = isNullable(f, s);
  if (t.kind === 'array' || (t.kind === 'prim' && (t.name === 'bytes' || t.name === 'records'))) {
    return nullable ? `${x} !== undefined && (${x} === null || ${x}.length > 0)` : `${x} !== undefined && ${x}.length > 0`;
  }
  return `${x} !== undefined && ${x} !== ${def}`;
}

export function valueExpr(f: FieldModel, s: StructModel, ctx: GenContext): string {
  const x = `d.${f.name}`;
  if (!isOptional(f, s)) return x;
  const def = defaultExpr(f, s, ctx);
  // `??` would also replace an explicit null, which is meaningful for nullable fields.
  return isNullable(f, s) && def !== 'null' ? `${x} === undefined ? ${def} : ${x}` : `${x} ?? ${def}`;
}
