import avro from 'avsc';
import type { CompiledCodec, FieldProblem, ResolvedReference } from './types';
import { toJsonSafe } from './json-safe';

// Avro through avsc. Values come out JSON-safe:
// - long: a JSON number when it fits in 2^53, otherwise the exact digits as a string;
// - decimal (bytes or fixed): the decimal string from the unscaled two's-complement bytes and the scale;
// - timestamp-millis / timestamp-micros / local-timestamp-*: ISO-8601 strings; date: YYYY-MM-DD;
// - uuid and other strings: strings; bytes and fixed: base64;
// - unions: the branch's value itself; only a union that avsc cannot tell apart without a tag
//   (two records, two maps…) keeps Avro's JSON encoding {"<branch>": value}.

const MILLIS_PER_DAY = 86_400_000;

/** Longs as BigInt internally, so nothing beyond 2^53 is rounded. */
export const longType = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint | number) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (v: unknown) => BigInt(v as string),
  toJSON: (n: bigint) => (Number.isSafeInteger(Number(n)) ? Number(n) : n.toString()),
  isValid: (n: unknown) => typeof n === 'bigint' || (typeof n === 'number' && Number.isInteger(n)) || (typeof n === 'string' && /^-?\d+$/.test(n)),
  compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

class DecimalType extends avro.types.LogicalType {
  private readonly scale: number;
  constructor(schema: avro.Schema & { scale?: number }, opts?: avro.ForSchemaOptions) {
    super(schema, opts);
    this.scale = schema.scale ?? 0;
  }
  _fromValue(bytes: Buffer): string {
    return decimalText(bytes, this.scale);
  }
  _toValue(text: string | number): Buffer | null {
    // Anything but decimal digits is left for the bytes type to refuse (null is not bytes).
    return /^-?\d+(\.\d+)?$/.test(String(text)) ? decimalBytes(String(text), this.scale) : null;
  }
}

class TimestampType extends avro.types.LogicalType {
  private readonly perMilli: bigint;
  constructor(schema: avro.Schema & { logicalType?: string }, opts?: avro.ForSchemaOptions) {
    super(schema, opts);
    this.perMilli = schema.logicalType?.endsWith('micros') ? 1000n : 1n;
  }
  _fromValue(n: bigint | number): string {
    const big = BigInt(n);
    const millis = Number(big / this.perMilli);
    const iso = new Date(millis).toISOString();
    if (this.perMilli === 1n) return iso;
    const micros = ((big % 1000n) + 1000n) % 1000n;
    return iso.replace(/Z$/, `${String(micros).padStart(3, '0')}Z`);
  }
  _toValue(v: Date | string | number): number {
    const millis = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : v;
    return millis * Number(this.perMilli);
  }
}

class DateType extends avro.types.LogicalType {
  _fromValue(days: number): string {
    return new Date(days * MILLIS_PER_DAY).toISOString().slice(0, 10);
  }
  _toValue(v: Date | string): number {
    return Math.floor((v instanceof Date ? v.getTime() : Date.parse(v)) / MILLIS_PER_DAY);
  }
}

export const logicalTypes = {
  decimal: DecimalType,
  'timestamp-millis': TimestampType,
  'timestamp-micros': TimestampType,
  'local-timestamp-millis': TimestampType,
  'local-timestamp-micros': TimestampType,
  date: DateType,
} as unknown as Record<string, new (schema: avro.Schema, opts?: avro.ForSchemaOptions) => avro.types.LogicalType>;

/** The avsc type for a schema; referenced schemas are parsed first into the same registry so their named types resolve. */
export function avroType(schema: string, references: ResolvedReference[] = []): avro.Type {
  const registry: Record<string, avro.Type> = { long: longType as unknown as avro.Type };
  const options = { logicalTypes, registry, wrapUnions: 'auto' as const };
  for (const ref of references) avro.Type.forSchema(parseAvro(ref.schema.schema), options);
  return avro.Type.forSchema(parseAvro(schema), options);
}

/** Schema text as JSON; a bare primitive name (`string`) is accepted as registries sometimes keep it. */
function parseAvro(text: string): avro.Schema {
  try {
    return JSON.parse(text) as avro.Schema;
  } catch (error) {
    if (/^[A-Za-z_][\w.]*$/.test(text.trim())) return text.trim() as avro.Schema;
    throw error;
  }
}

export function compileAvro(schema: string, references: ResolvedReference[]): CompiledCodec {
  const type = avroType(schema, references);
  return {
    type: 'AVRO',
    decode(body) {
      const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      const { value, offset } = type.decode(buf, 0);
      if (offset < 0) throw new Error('the record is cut short');
      if (offset !== buf.length) throw new Error(`${buf.length - offset} bytes are left after the record`);
      return { value: toJsonSafe(value) };
    },
    validate(value) {
      const problems: FieldProblem[] = [];
      type.isValid(value, {
        errorHook: (path: string[], _converted: unknown, t: avro.Type) => {
          // What the caller wrote there (a logical type hands its converted form to the hook).
          const given = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
          const expected = String(t.typeName).replace(/^(logical|abstract):/, '');
          problems.push({ path: path.join('.'), message: given === undefined ? `Required (${expected})` : `Expected ${expected}, got ${describeValue(given)}` });
        },
      });
      return problems;
    },
    // The logical types and the long type take the readable forms back (decimal text, ISO times, digit strings).
    encode: (value) => type.toBuffer(value),
  };
}

function describeValue(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The decimal value of big-endian two's-complement `bytes` divided by 10^scale. */
export function decimalText(bytes: Buffer, scale: number): string {
  if (bytes.length === 0) return '0';
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  if (bytes[0] & 0x80) n -= 1n << BigInt(bytes.length * 8);
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

export function decimalBytes(text: string, scale: number): Buffer {
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
  let n = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  if (text.startsWith('-')) n = -n;
  const out: number[] = [];
  for (;;) {
    out.unshift(Number(n & 0xffn));
    n >>= 8n;
    const sign = out[0] & 0x80;
    if ((n === 0n && !sign) || (n === -1n && sign)) break;
  }
  return Buffer.from(out);
}
