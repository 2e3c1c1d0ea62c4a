// Avro schema resolution (the specification's "Schema Resolution" section): can data written
// with `writer` be read with `reader`? Works on avsc Types (logical types read as their
// underlying type, as resolution does). Pure: returns the incompatibilities found.
import type avsc from 'avsc';

export interface Incompatibility {
  type: string;
  location: string;
  message: string;
}

// Writer type → reader types it may be promoted to.
const PROMOTIONS: Record<string, string[]> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

type AnyType = avsc.Type & {
  typeName: string;
  name?: string;
  aliases?: string[];
  fields?: { name: string; type: AnyType; aliases: string[]; defaultValue(): unknown }[];
  symbols?: string[];
  default?: string;
  types?: AnyType[];
  itemsType?: AnyType;
  valuesType?: AnyType;
  size?: number;
};

const shortName = (full: string | undefined) => (full ?? '').split('.').pop() ?? '';
const isUnion = (t: AnyType) => t.typeName.startsWith('union');
const kind = (t: AnyType) => (t.typeName === 'error' ? 'record' : t.typeName);

export function avroIncompatibilities(reader: avsc.Type, writer: avsc.Type): Incompatibility[] {
  const out: Incompatibility[] = [];
  check(reader as AnyType, writer as AnyType, '', out, new Set());
  return out;
}

function namesMatch(reader: AnyType, writer: AnyType): boolean {
  if (shortName(reader.name) === shortName(writer.name)) return true;
  return (reader.aliases ?? []).some((a) => shortName(a) === shortName(writer.name));
}

function check(reader: AnyType, writer: AnyType, location: string, out: Incompatibility[], seen: Set<string>): void {
  // Recursive named types: a pair already being checked is assumed compatible.
  if (reader.name && writer.name) {
    const pair = `${reader.name}\u0000${writer.name}`;
    if (seen.has(pair)) return;
    seen.add(pair);
  }
  const at = location || '/';
  if (isUnion(writer)) {
    writer.types!.forEach((branch, i) => {
      const before = out.length;
      const sub: Incompatibility[] = [];
      check(reader, branch, `${location}/${i}`, sub, seen);
      if (sub.length > 0) {
        out.length = before;
        if (isUnion(reader)) out.push({ type: 'MISSING_UNION_BRANCH', location: `${location}/${i}`, message: `reader union lacking writer type: ${branch.typeName.toUpperCase()}` });
        else out.push(...sub);
      }
    });
    return;
  }
  if (isUnion(reader)) {
    const fits = reader.types!.some((branch) => {
      const sub: Incompatibility[] = [];
      check(branch, writer, location, sub, new Set(seen));
      return sub.length === 0;
    });
    if (!fits) out.push({ type: 'MISSING_UNION_BRANCH', location: at, message: `reader union lacking writer type: ${writer.typeName.toUpperCase()}` });
    return;
  }
  const rk = kind(reader);
  const wk = kind(writer);
  if (rk !== wk) {
    if (!PROMOTIONS[wk]?.includes(rk)) out.push({ type: 'TYPE_MISMATCH', location: at, message: `reader type: ${rk.toUpperCase()} not compatible with writer type: ${wk.toUpperCase()}` });
    return;
  }
  switch (rk) {
    case 'record':
      if (!namesMatch(reader, writer)) return void out.push({ type: 'NAME_MISMATCH', location: `${location}/name`, message: `expected: ${writer.name}` });
      reader.fields!.forEach((rf, i) => {
        const wf = writer.fields!.find((f) => f.name === rf.name) ?? writer.fields!.find((f) => rf.aliases.includes(f.name));
        if (wf) check(rf.type, wf.type, `${location}/fields/${i}/type`, out, seen);
        else if (rf.defaultValue() === undefined) out.push({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', location: `${location}/fields/${i}`, message: rf.name });
      });
      return;
    case 'enum': {
      if (!namesMatch(reader, writer)) return void out.push({ type: 'NAME_MISMATCH', location: `${location}/name`, message: `expected: ${writer.name}` });
      const missing = writer.symbols!.filter((s) => !reader.symbols!.includes(s));
      // Avro 1.9+: a reader enum default stands in for symbols it does not know.
      if (missing.length > 0 && reader.default === undefined) out.push({ type: 'MISSING_ENUM_SYMBOLS', location: `${location}/symbols`, message: `[${missing.join(', ')}]` });
      return;
    }
    case 'fixed':
      if (!namesMatch(reader, writer)) return void out.push({ type: 'NAME_MISMATCH', location: `${location}/name`, message: `expected: ${writer.name}` });
      if (reader.size !== writer.size) out.push({ type: 'FIXED_SIZE_MISMATCH', location: `${location}/size`, message: `expected: ${writer.size}, found: ${reader.size}` });
      return;
    case 'array':
      return check(reader.itemsType!, writer.itemsType!, `${location}/items`, out, seen);
    case 'map':
      return check(reader.valuesType!, writer.valuesType!, `${location}/values`, out, seen);
    default:
      return;
  }
}
