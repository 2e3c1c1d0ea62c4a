import { ProtocolError } from './errors';

const TWO_32 = 4294967296;
const MIN_CAPACITY = 64;

/**
 * Big-endian growable buffer writer for the Kafka wire format.
 *
 * Methods return `this` so simple sequences can be chained. `toBuffer()`
 * returns a view over the internal storage (no copy): stop writing once
 * the result has been taken.
 */
export class Writer {
  private buf: Buffer;
  private pos = 0;

  constructor(initialCapacity = 256) {
    this.buf = Buffer.allocUnsafe(Math.max(MIN_CAPACITY, initialCapacity));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    const need = this.pos + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = Buffer.allocUnsafe(cap);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  writeInt8(v: number): this {
    this.ensure(1);
    this.buf.writeInt8(v, this.pos);
    this.pos += 1;
    return this;
  }

  writeInt16(v: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }

  writeUInt16(v: number): this {
    this.ensure(2);
    this.buf.writeUInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }

  writeInt32(v: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  writeUInt32(v: number): this {
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }

  /**
   * int64 from a JS number (or bigint for exact values). Safe integers take
   * a fast two-word path; larger numbers go through BigInt.
   */
  writeInt64(v: number | bigint): this {
    this.ensure(8);
    if (typeof v === 'number' && Number.isSafeInteger(v)) {
      const hi = Math.floor(v / TWO_32);
      this.buf.writeInt32BE(hi, this.pos);
      this.buf.writeUInt32BE(v - hi * TWO_32, this.pos + 4);
    } else {
      const big = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
      this.buf.writeBigInt64BE(BigInt.asIntN(64, big), this.pos);
    }
    this.pos += 8;
    return this;
  }

  writeFloat64(v: number): this {
    this.ensure(8);
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
    return this;
  }

  writeBool(v: boolean): this {
    this.ensure(1);
    this.buf[this.pos++] = v ? 1 : 0;
    return this;
  }

  /** Unsigned LEB128 of a uint32 (Kafka's "unsigned varint"). */
  writeUnsignedVarInt(v: number): this {
    this.ensure(5);
    const buf = this.buf;
    let x = v >>> 0;
    while (x >= 0x80) {
      buf[this.pos++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    buf[this.pos++] = x;
    return this;
  }

  /** Zig-zag int32 varint. */
  writeVarInt(v: number): this {
    return this.writeUnsignedVarInt(((v << 1) ^ (v >> 31)) >>> 0);
  }

  /** Zig-zag int64 varint from a number; exact for safe integers. */
  writeVarLong(v: number): this {
    // Zig-zag of an int32-range value has the same bytes in 32 and 64 bits.
    if ((v | 0) === v) return this.writeVarInt(v);
    this.ensure(10);
    const buf = this.buf;
    // zig-zag = 2m + sign with m = |v| or |v|-1; emitting m and the sign bit
    // separately keeps every step exact up to 2^53.
    let m = v >= 0 ? v : -v - 1;
    let b = (m % 64) * 2 + (v >= 0 ? 0 : 1);
    m = Math.floor(m / 64);
    while (m > 0) {
      buf[this.pos++] = b | 0x80;
      b = m % 0x80;
      m = Math.floor(m / 0x80);
    }
    buf[this.pos++] = b;
    return this;
  }

  /** Raw bytes with no length prefix. */
  writeRaw(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** UTF-8 bytes of `s` with no length prefix; pass `byteLength` when already known. */
  writeUtf8(s: string, byteLength = Buffer.byteLength(s, 'utf8')): this {
    this.ensure(byteLength);
    if (byteLength > 0) this.buf.write(s, this.pos, byteLength, 'utf8');
    this.pos += byteLength;
    return this;
  }

  writeString(s: string): this {
    const len = Buffer.byteLength(s, 'utf8');
    if (len > 0x7fff) throw new ProtocolError(`string of ${len} bytes exceeds the int16 length limit`);
    this.writeInt16(len);
    this.writeUtf8(s, len);
    return this;
  }

  writeNullableString(s: string | null): this {
    return s === null ? this.writeInt16(-1) : this.writeString(s);
  }

  writeCompactString(s: string): this {
    const len = Buffer.byteLength(s, 'utf8');
    this.writeUnsignedVarInt(len + 1);
    this.writeUtf8(s, len);
    return this;
  }

  writeCompactNullableString(s: string | null): this {
    return s === null ? this.writeUnsignedVarInt(0) : this.writeCompactString(s);
  }

  writeBytes(b: Uint8Array): this {
    this.writeInt32(b.length);
    return this.writeRaw(b);
  }

  writeNullableBytes(b: Uint8Array | null): this {
    return b === null ? this.writeInt32(-1) : this.writeBytes(b);
  }

  writeCompactBytes(b: Uint8Array): this {
    this.writeUnsignedVarInt(b.length + 1);
    return this.writeRaw(b);
  }

  writeCompactNullableBytes(b: Uint8Array | null): this {
    return b === null ? this.writeUnsignedVarInt(0) : this.writeCompactBytes(b);
  }

  /** Kafka UUID given as 22-char URL-safe base64 (no padding). */
  writeUuid(id: string): this {
    this.ensure(16);
    if (id.length !== 22 || this.buf.write(id, this.pos, 16, 'base64url') !== 16) {
      throw new ProtocolError(`invalid UUID ${JSON.stringify(id)}: expected 22 URL-safe base64 characters`);
    }
    this.pos += 16;
    return this;
  }

  writeArray<T>(items: readonly T[], each: (w: Writer, item: T) => void): this {
    this.writeInt32(items.length);
    for (let i = 0; i < items.length; i++) each(this, items[i]);
    return this;
  }

  writeNullableArray<T>(items: readonly T[] | null, each: (w: Writer, item: T) => void): this {
    return items === null ? this.writeInt32(-1) : this.writeArray(items, each);
  }

  writeCompactArray<T>(items: readonly T[], each: (w: Writer, item: T) => void): this {
    this.writeUnsignedVarInt(items.length + 1);
    for (let i = 0; i < items.length; i++) each(this, items[i]);
    return this;
  }

  writeCompactNullableArray<T>(items: readonly T[] | null, each: (w: Writer, item: T) => void): this {
    return items === null ? this.writeUnsignedVarInt(0) : this.writeCompactArray(items, each);
  }

  /**
   * A tagged-field section. Fields must be given in ascending tag order;
   * each `data` is the already-encoded field value.
   */
  writeTaggedFields(fields: ReadonlyArray<{ tag: number; data: Uint8Array }> = []): this {
    this.writeUnsignedVarInt(fields.length);
    for (const f of fields) {
      this.writeUnsignedVarInt(f.tag);
      this.writeUnsignedVarInt(f.data.length);
      this.writeRaw(f.data);
    }
    return this;
  }

  /** Reserves `n` bytes to be filled in later; returns their position. */
  reserve(n: number): number {
    this.ensure(n);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  /** Reserves 4 bytes (e.g. a size prefix) and returns their position for `setInt32At`. */
  reserveInt32(): number {
    return this.reserve(4);
  }

  setInt32At(at: number, v: number): this {
    this.buf.writeInt32BE(v, at);
    return this;
  }

  setUInt32At(at: number, v: number): this {
    this.buf.writeUInt32BE(v, at);
    return this;
  }

  /** The bytes written so far as a view (no copy). */
  toBuffer(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** Encoded size of an unsigned varint (uint32). */
export function sizeOfUnsignedVarInt(v: number): number {
  let x = v >>> 0;
  let n = 1;
  while (x >= 0x80) {
    x >>>= 7;
    n++;
  }
  return n;
}

/** Encoded size of a zig-zag int32 varint. */
export function sizeOfVarInt(v: number): number {
  return sizeOfUnsignedVarInt(((v << 1) ^ (v >> 31)) >>> 0);
}

/** Encoded size of a zig-zag int64 varint given as a number. */
export function sizeOfVarLong(v: number): number {
  if ((v | 0) === v) return sizeOfVarInt(v);
  let m = Math.floor((v >= 0 ? v : -v - 1) / 64);
  let n = 1;
  while (m > 0) {
    m = Math.floor(m / 0x80);
    n++;
  }
  return n;
}
