/**
 * A position in a buffer with the zig-zag varint reads a record walk makes several times per
 * record. Reader does the same reads within bounds it is given; this one is bounded by the
 * buffer itself (a batch's records region is a view that ends where the batch does) and is
 * meant to be extended, so that a scan keeps its position on its own object: the message
 * scan's record cursor walks every fetched record this way without allocating.
 */
import { ProtocolError } from '../errors';

export class VarintCursor {
  /** The bytes being walked. */
  data: Buffer = Buffer.alloc(0);
  /** Where the next read starts. */
  protected pos = 0;

  /** Zig-zag int32 varint, at most 5 bytes. */
  protected varint(): number {
    const data = this.data;
    let pos = this.pos;
    let b = data[pos++];
    let u = b & 0x7f;
    if (b >= 0x80) {
      b = data[pos++];
      u |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = data[pos++];
        u |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          b = data[pos++];
          u |= (b & 0x7f) << 21;
          if (b >= 0x80) {
            b = data[pos++];
            u |= (b & 0x0f) << 28;
            if (b >= 0x80) throw new ProtocolError('varint longer than 5 bytes');
          }
        }
      }
    }
    if (b === undefined) throw new ProtocolError('truncated varint');
    this.pos = pos;
    return (u >>> 1) ^ -(u & 1);
  }

  /** Zig-zag int64 varint as a number (exact within ±2^53), at most 10 bytes. */
  protected varlong(): number {
    const data = this.data;
    let pos = this.pos;
    let value = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      const b = data[pos++];
      if (b === undefined) throw new ProtocolError('truncated varlong');
      value += (b & 0x7f) * mul;
      if (b < 0x80) {
        this.pos = pos;
        return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
      }
      mul *= 0x80;
    }
    throw new ProtocolError('varlong longer than 10 bytes');
  }
}
