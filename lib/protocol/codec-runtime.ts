/**
 * Small functions the generated codecs call. They pick the classic or compact
 * encoding from a flag and turn a null in a non-nullable position into a
 * ProtocolError that names the field.
 */
import { ProtocolError } from './errors';
import type { Reader } from './reader';
import { Writer } from './writer';

export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

// Zero-length, so sharing one instance between decoded objects is safe.
export const EMPTY_BUFFER: Buffer = Buffer.alloc(0);

export function assertVersion(name: string, version: number, min: number, max: number): void {
  if (!Number.isInteger(version) || version < min || version > max) {
    throw new ProtocolError(`${name} version ${version} is outside the supported range ${min}-${max}`);
  }
}

function nullInNonNullable(field: string): ProtocolError {
  return new ProtocolError(`field ${field} is null but not nullable in this version`);
}

export function writeStringField(w: Writer, s: string | null | undefined, compact: boolean, nullable: boolean, field: string): void {
  if (s == null) {
    if (!nullable) throw nullInNonNullable(field);
    if (compact) w.writeUnsignedVarInt(0);
    else w.writeInt16(-1);
  } else if (compact) {
    w.writeCompactString(s);
  } else {
    w.writeString(s);
  }
}

export function readStringField(r: Reader, compact: boolean): string {
  return compact ? r.readCompactString() : r.readString();
}

export function readNullableStringField(r: Reader, compact: boolean): string | null {
  return compact ? r.readCompactNullableString() : r.readNullableString();
}

export function writeBytesField(w: Writer, b: Uint8Array | null | undefined, compact: boolean, nullable: boolean, field: string): void {
  if (b == null) {
    if (!nullable) throw nullInNonNullable(field);
    if (compact) w.writeUnsignedVarInt(0);
    else w.writeInt32(-1);
  } else if (compact) {
    w.writeCompactBytes(b);
  } else {
    w.writeBytes(b);
  }
}

export function readBytesField(r: Reader, compact: boolean): Buffer {
  return compact ? r.readCompactBytes() : r.readBytes();
}

export function readNullableBytesField(r: Reader, compact: boolean): Buffer | null {
  return compact ? r.readCompactNullableBytes() : r.readNullableBytes();
}

export function writeArrayField<T>(
  w: Writer,
  items: readonly T[] | null | undefined,
  compact: boolean,
  nullable: boolean,
  field: string,
  each: (w: Writer, item: T) => void,
): void {
  if (items == null) {
    if (!nullable) throw nullInNonNullable(field);
    if (compact) w.writeUnsignedVarInt(0);
    else w.writeInt32(-1);
  } else if (compact) {
    w.writeCompactArray(items, each);
  } else {
    w.writeArray(items, each);
  }
}

export function readArrayField<T>(r: Reader, compact: boolean, each: (r: Reader) => T): T[] {
  return compact ? r.readCompactArray(each) : r.readArray(each);
}

export function readNullableArrayField<T>(r: Reader, compact: boolean, each: (r: Reader) => T): T[] | null {
  return compact ? r.readCompactNullableArray(each) : r.readNullableArray(each);
}

/** A struct-typed (non-array) field; nullable ones carry a one-byte presence marker. */
export function writeStructField<T>(
  w: Writer,
  value: T | null | undefined,
  nullable: boolean,
  field: string,
  each: (w: Writer, item: T) => void,
): void {
  if (nullable) {
    if (value == null) {
      w.writeInt8(-1);
      return;
    }
    w.writeInt8(1);
  } else if (value == null) {
    throw nullInNonNullable(field);
  }
  each(w, value);
}

export function readNullableStructField<T>(r: Reader, each: (r: Reader) => T): T | null {
  return r.readInt8() < 0 ? null : each(r);
}

/** Writes one tagged field: tag, byte size, then the value encoded by `each`. */
export function writeTaggedField(w: Writer, tag: number, each: (w: Writer) => void): void {
  const scratch = new Writer(64);
  each(scratch);
  const data = scratch.toBuffer();
  w.writeUnsignedVarInt(tag);
  w.writeUnsignedVarInt(data.length);
  w.writeRaw(data);
}
