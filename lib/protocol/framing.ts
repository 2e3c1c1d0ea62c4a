import { ProtocolError } from './errors';

export const DEFAULT_MAX_FRAME_SIZE = 100 * 1024 * 1024;

/**
 * Splits a TCP byte stream into Kafka frames (int32 size + payload).
 *
 * Frames that arrive whole inside one chunk are returned as views of that
 * chunk (no copy); a frame spread over several chunks is assembled into one
 * buffer allocated once at its final size, so large responses arriving in
 * many small chunks cost linear time.
 */
export class FrameDecoder {
  private readonly sizeBuf = Buffer.alloc(4);
  private sizeFill = 0;
  private frame: Buffer | null = null;
  private frameFill = 0;

  constructor(private readonly maxFrameSize = DEFAULT_MAX_FRAME_SIZE) {}

  /** Bytes held for an incomplete frame. */
  get pendingBytes(): number {
    return this.sizeFill + this.frameFill;
  }

  private startFrame(size: number): Buffer {
    if (size < 0 || size > this.maxFrameSize) {
      throw new ProtocolError(`invalid frame size ${size} (limit ${this.maxFrameSize})`);
    }
    return Buffer.allocUnsafe(size);
  }

  /** Feeds a chunk and returns every frame payload it completes, in order. */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let pos = 0;
    const len = chunk.length;
    while (pos < len || (this.frame !== null && this.frameFill === this.frame.length)) {
      if (this.frame === null) {
        if (this.sizeFill === 0 && len - pos >= 4) {
          const size = chunk.readInt32BE(pos);
          if (size < 0 || size > this.maxFrameSize) this.startFrame(size);
          pos += 4;
          if (len - pos >= size) {
            out.push(chunk.subarray(pos, pos + size));
            pos += size;
            continue;
          }
          this.frame = this.startFrame(size);
          this.frameFill = 0;
        } else {
          while (this.sizeFill < 4 && pos < len) this.sizeBuf[this.sizeFill++] = chunk[pos++];
          if (this.sizeFill < 4) break;
          this.sizeFill = 0;
          this.frame = this.startFrame(this.sizeBuf.readInt32BE(0));
          this.frameFill = 0;
        }
      }
      const n = Math.min(this.frame.length - this.frameFill, len - pos);
      chunk.copy(this.frame, this.frameFill, pos, pos + n);
      this.frameFill += n;
      pos += n;
      if (this.frameFill === this.frame.length) {
        out.push(this.frame);
        this.frame = null;
        this.frameFill = 0;
      }
    }
    return out;
  }
}
