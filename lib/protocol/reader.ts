import { ProtocolError } from './errors';

const TWO_32 = 4294967296;

/**
 * Big-endian reader over a Buffer for the Kafka wire format.
 *
 * Every length is checked against the bytes that remain before anything is
 * allocated, so hostile or truncated input raises ProtocolError instead of
 * a huge allocation. Byte fields are returned as views of the input buffer
 * (no copy): the input must not be reused while results are alive.
 */
export class Reader {
  readonly buf: Buffer;
  offset: number;
  readonly end: number;

  constructor(buf: Buffer, offset = 0, end = buf.length) {
    if (offset < 0 || end > buf.length || offset > end) {
      throw new ProtocolError(`invalid reader bounds ${offset}..${end} over ${buf.length} bytes`);
    }
    this.buf = buf;
    this.offset = offset;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  /** Fails when fewer than `n` bytes remain. */
  need(n: number, what = 'value'): void {
    if (n > this.end - this.offset) {
      throw new ProtocolError(`truncated ${what}: need ${n} bytes at offset ${this.offset}, ${this.end - this.offset} remain`);
    }
  }

  skip(n: number): this {
    if (n < 0) throw new ProtocolError(`cannot skip ${n} bytes`);
    this.need(n, 'field');
    this.offset += n;
    return this;
  }

  readInt8(): number {
    this.need(1, 'int8');
    return this.buf.readInt8(this.offset++);
  }

  readInt16(): number {
    this.need(2, 'int16');
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  readUInt16(): number {
    this.need(2, 'uint16');
    const v = this.buf.readUInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  readInt32(): number {
    this.need(4, 'int32');
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  readUInt32(): number {
    this.need(4, 'uint32');
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  /**
   * int64 as a JS number. Exact within ±2^53; beyond that the value is
   * rounded to the nearest double (same as Number(BigInt)). Use
   * readInt64Big when exactness matters.
   */
  readInt64(): number {
    this.need(8, 'int64');
    const hi = this.buf.readInt32BE(this.offset);
    const lo = this.buf.readUInt32BE(this.offset + 4);
    this.offset += 8;
    return hi * TWO_32 + lo;
  }

  readInt64Big(): bigint {
    this.need(8, 'int64');
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += 8;
    return v;
  }

  readFloat64(): number {
    this.need(8, 'float64');
    const v = this.buf.readDoubleBE(this.offset);
    this.offset += 8;
    return v;
  }

  readBool(): boolean {
    this.need(1, 'bool');
    return this.buf[this.offset++] !== 0;
  }

  /** Unsigned LEB128, at most 5 bytes (uint32). */
  readUnsignedVarInt(): number {
    const buf = this.buf;
    const end = this.end;
    let pos = this.offset;
    if (pos >= end) throw new ProtocolError(`truncated varint at offset ${pos}`);
    let b = buf[pos++];
    if (b < 0x80) {
      this.offset = pos;
      return b;
    }
    let result = b & 0x7f;
    for (let shift = 7; shift <= 28; shift += 7) {
      if (pos >= end) throw new ProtocolError(`truncated varint at offset ${pos}`);
      b = buf[pos++];
      if (shift === 28 && b > 0x0f) throw new ProtocolError(`varint at offset ${this.offset} does not fit in 32 bits`);
      result |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.offset = pos;
        return result >>> 0;
      }
    }
    throw new ProtocolError(`varint at offset ${this.offset} is longer than 5 bytes`);
  }

  /** Zig-zag int32 varint. */
  readVarInt(): number {
    const u = this.readUnsignedVarInt();
    return (u >>> 1) ^ -(u & 1);
  }

  /** Zig-zag int64 varint as a number (exact within ±2^53). */
  readVarLong(): number {
    const buf = this.buf;
    const end = this.end;
    let pos = this.offset;
    if (pos >= end) throw new ProtocolError(`truncated varlong at offset ${pos}`);
    let b = buf[pos++];
    if (b < 0x80) {
      this.offset = pos;
      return (b >>> 1) ^ -(b & 1);
    }
    // Accumulate m = zigzag >>> 1 and keep the sign bit apart so the sum stays exact to 2^53.
    const negative = (b & 1) === 1;
    let m = (b & 0x7f) >>> 1;
    let mul = 64;
    for (let i = 1; i < 10; i++) {
      if (pos >= end) throw new ProtocolError(`truncated varlong at offset ${pos}`);
      b = buf[pos++];
      m += (b & 0x7f) * mul;
      if (b < 0x80) {
        this.offset = pos;
        return negative ? -m - 1 : m;
      }
      mul *= 0x80;
    }
    throw new ProtocolError(`varlong at offset ${this.offset} is longer than 10 bytes`);
  }

  /** `n` raw bytes as a view of the input. */
  readRaw(n: number): Buffer {
    if (n < 0) throw new ProtocolError(`negative length ${n} at offset ${this.offset}`);
    this.need(n, 'bytes');
    const out = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  private readUtf8(len: number): string {
    this.need(len, 'string');
    const s = len === 0 ? '' : this.buf.toString('utf8', this.offset, this.offset + len);
    this.offset += len;
    return s;
  }

  readString(): string {
    const len = this.readInt16();
    if (len < 0) throw new ProtocolError(`non-nullable string has length ${len} at offset ${this.offset - 2}`);
    return this.readUtf8(len);
  }

  readNullableString(): string | null {
    const len = this.readInt16();
    if (len === -1) return null;
    if (len < 0) throw new ProtocolError(`invalid string length ${len} at offset ${this.offset - 2}`);
    return this.readUtf8(len);
  }

  readCompactString(): string {
    const n = this.readUnsignedVarInt();
    if (n === 0) throw new ProtocolError(`non-nullable compact string is null at offset ${this.offset - 1}`);
    return this.readUtf8(n - 1);
  }

  readCompactNullableString(): string | null {
    const n = this.readUnsignedVarInt();
    return n === 0 ? null : this.readUtf8(n - 1);
  }

  readBytes(): Buffer {
    const len = this.readInt32();
    if (len < 0) throw new ProtocolError(`non-nullable bytes have length ${len} at offset ${this.offset - 4}`);
    return this.readRaw(len);
  }

  readNullableBytes(): Buffer | null {
    const len = this.readInt32();
    if (len === -1) return null;
    if (len < 0) throw new ProtocolError(`invalid bytes length ${len} at offset ${this.offset - 4}`);
    return this.readRaw(len);
  }

  readCompactBytes(): Buffer {
    const n = this.readUnsignedVarInt();
    if (n === 0) throw new ProtocolError(`non-nullable compact bytes are null at offset ${this.offset - 1}`);
    return this.readRaw(n - 1);
  }

  readCompactNullableBytes(): Buffer | null {
    const n = this.readUnsignedVarInt();
    return n === 0 ? null : this.readRaw(n - 1);
  }

  /** 16 bytes as Kafka's 22-char URL-safe base64 form. */
  readUuid(): string {
    this.need(16, 'uuid');
    const s = this.buf.toString('base64url', this.offset, this.offset + 16);
    this.offset += 16;
    return s;
  }

  private readElements<T>(n: number, each: (r: Reader) => T): T[] {
    // Like Kafka: an element takes at least one byte, so a count larger than
    // what remains is corrupt and rejected before allocating.
    if (n > this.end - this.offset) {
      throw new ProtocolError(`array length ${n} exceeds the ${this.end - this.offset} remaining bytes at offset ${this.offset}`);
    }
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = each(this);
    return out;
  }

  readArray<T>(each: (r: Reader) => T): T[] {
    const n = this.readInt32();
    if (n < 0) throw new ProtocolError(`non-nullable array has length ${n} at offset ${this.offset - 4}`);
    return this.readElements(n, each);
  }

  readNullableArray<T>(each: (r: Reader) => T): T[] | null {
    const n = this.readInt32();
    if (n === -1) return null;
    if (n < 0) throw new ProtocolError(`invalid array length ${n} at offset ${this.offset - 4}`);
    return this.readElements(n, each);
  }

  readCompactArray<T>(each: (r: Reader) => T): T[] {
    const n = this.readUnsignedVarInt();
    if (n === 0) throw new ProtocolError(`non-nullable compact array is null at offset ${this.offset - 1}`);
    return this.readElements(n - 1, each);
  }

  readCompactNullableArray<T>(each: (r: Reader) => T): T[] | null {
    const n = this.readUnsignedVarInt();
    return n === 0 ? null : this.readElements(n - 1, each);
  }

  /**
   * Reads a tagged-field section. `onField` gets a reader bounded to the
   * field's bytes and returns true if it consumed the field; unknown or
   * unhandled fields are skipped.
   */
  readTaggedFields(onField?: (tag: number, r: Reader) => boolean | void): void {
    const count = this.readUnsignedVarInt();
    for (let i = 0; i < count; i++) {
      const tag = this.readUnsignedVarInt();
      const size = this.readUnsignedVarInt();
      this.need(size, 'tagged field');
      const fieldEnd = this.offset + size;
      if (onField) {
        const sub = new Reader(this.buf, this.offset, fieldEnd);
        onField(tag, sub);
      }
      this.offset = fieldEnd;
    }
  }
}
