/**
 * Record-batch compression codecs, as Kafka frames them:
 *   gzip   – RFC 1952 (node:zlib)
 *   snappy – xerial "snappy-java" block framing (what the Java client writes);
 *            raw snappy is also accepted on decode (what some clients write)
 *   lz4    – LZ4 frame format with independent blocks
 *   zstd   – zstd frame (decode only, via fzstd)
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import { hash as xxh32 } from 'lz4js/xxh32';
import { compress as snappyCompress, uncompress as snappyUncompress } from 'snappyjs';
import { ProtocolError } from '../errors';

export type CompressionType = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** Codec ids in the low 3 bits of a batch's attributes. */
export const COMPRESSION_CODES: Readonly<Record<CompressionType, number>> = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 };
const BY_CODE: readonly CompressionType[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

export function compressionFromCode(code: number): CompressionType {
  const c = BY_CODE[code];
  if (c === undefined) throw new ProtocolError(`unknown compression codec ${code}`);
  return c;
}

/** Upper bound on a decompressed batch, so a hostile payload cannot exhaust memory. */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

// ---------------------------------------------------------------- snappy

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_SIZE = 16;
const XERIAL_BLOCK = 32 * 1024;

function isXerial(data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_SIZE && data.subarray(0, 8).equals(XERIAL_MAGIC);
}

function snappyDecompress(data: Buffer, limit: number): Buffer {
  if (!isXerial(data)) return snappyUncompress(data, limit);
  const parts: Buffer[] = [];
  let total = 0;
  let pos = XERIAL_HEADER_SIZE;
  while (pos < data.length) {
    if (data.length - pos < 4) throw new ProtocolError('truncated xerial snappy block header');
    const size = data.readInt32BE(pos);
    pos += 4;
    if (size < 0 || size > data.length - pos) throw new ProtocolError(`xerial snappy block of ${size} bytes overruns the payload`);
    const part = snappyUncompress(data.subarray(pos, pos + size), limit - total);
    total += part.length;
    parts.push(part);
    pos += size;
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
}

function snappyCompressXerial(data: Buffer): Buffer {
  const header = Buffer.alloc(XERIAL_HEADER_SIZE);
  XERIAL_MAGIC.copy(header, 0);
  header.writeInt32BE(1, 8); // version
  header.writeInt32BE(1, 12); // minimum compatible version
  const parts: Buffer[] = [header];
  for (let pos = 0; pos < data.length; pos += XERIAL_BLOCK) {
    const block = snappyCompress(data.subarray(pos, Math.min(pos + XERIAL_BLOCK, data.length)));
    const len = Buffer.allocUnsafe(4);
    len.writeInt32BE(block.length, 0);
    parts.push(len, block);
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------- lz4

const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK_SIZES: Record<number, number> = { 4: 64 * 1024, 5: 256 * 1024, 6: 1024 * 1024, 7: 4 * 1024 * 1024 };
const LZ4_WRITE_BLOCK = 64 * 1024;
const LZ4_BD_64K = 4 << 4;
const LZ4_FLG_VERSION = 0x40;
const LZ4_FLG_INDEPENDENT = 0x20;
const LZ4_FLG_BLOCK_CHECKSUM = 0x10;
const LZ4_FLG_CONTENT_SIZE = 0x08;
const LZ4_FLG_DICT_ID = 0x01;

/** Decodes one LZ4 block into `dst` at `d`; returns the new output position. */
function lz4DecodeBlock(src: Buffer, s: number, sEnd: number, dst: Buffer, d: number): number {
  const dEnd = dst.length;
  while (s < sEnd) {
    const token = src[s++];
    let lit = token >>> 4;
    if (lit === 15) {
      let b;
      do {
        if (s >= sEnd) throw new ProtocolError('truncated lz4 literal length');
        b = src[s++];
        lit += b;
      } while (b === 255);
    }
    if (lit > sEnd - s || lit > dEnd - d) throw new ProtocolError('lz4 literal run overruns its block');
    // Short runs are cheaper copied inline than through Buffer#copy.
    if (lit < 32) {
      for (let i = 0; i < lit; i++) dst[d++] = src[s++];
    } else {
      src.copy(dst, d, s, s + lit);
      s += lit;
      d += lit;
    }
    if (s >= sEnd) break; // the last sequence has literals only
    if (sEnd - s < 2) throw new ProtocolError('truncated lz4 match offset');
    const offset = src[s] | (src[s + 1] << 8);
    s += 2;
    if (offset === 0 || offset > d) throw new ProtocolError(`invalid lz4 match offset ${offset}`);
    let len = token & 15;
    if (len === 15) {
      let b;
      do {
        if (s >= sEnd) throw new ProtocolError('truncated lz4 match length');
        b = src[s++];
        len += b;
      } while (b === 255);
    }
    len += 4;
    if (len > dEnd - d) throw new ProtocolError('lz4 match overruns the output');
    let from = d - offset;
    if (offset >= len && len >= 32) {
      dst.copyWithin(d, from, from + len);
      d += len;
    } else {
      // Short or overlapping (repeating the last `offset` bytes): byte by byte.
      for (let i = 0; i < len; i++) dst[d++] = dst[from++];
    }
  }
  return d;
}

function lz4Decompress(data: Buffer, limit: number): Buffer {
  if (data.length < 7 || data.readUInt32LE(0) !== LZ4_MAGIC) throw new ProtocolError('not an LZ4 frame (bad magic)');
  const flg = data[4];
  const bd = data[5];
  if ((flg & 0xc0) !== LZ4_FLG_VERSION) throw new ProtocolError(`unsupported LZ4 frame version in FLG 0x${flg.toString(16)}`);
  const maxBlock = LZ4_BLOCK_SIZES[(bd >> 4) & 7];
  if (maxBlock === undefined) throw new ProtocolError(`invalid LZ4 block size in BD 0x${bd.toString(16)}`);
  let pos = 6;
  let capacity = 0;
  if (flg & LZ4_FLG_CONTENT_SIZE) {
    if (data.length < pos + 8) throw new ProtocolError('truncated LZ4 frame header');
    const size = data.readUInt32LE(pos) + data.readUInt32LE(pos + 4) * 4294967296;
    if (size > limit) throw new ProtocolError(`LZ4 content size ${size} exceeds the ${limit}-byte limit`);
    capacity = size;
    pos += 8;
  }
  if (flg & LZ4_FLG_DICT_ID) pos += 4;
  pos += 1; // header checksum: Kafka's old magic-0 writer got it wrong, so it is not verified
  let out = Buffer.allocUnsafe(Math.max(capacity, Math.min(maxBlock, limit)));
  let d = 0;
  for (;;) {
    if (data.length - pos < 4) throw new ProtocolError('truncated LZ4 frame (missing end mark)');
    const word = data.readUInt32LE(pos);
    pos += 4;
    if (word === 0) break;
    const size = word & 0x7fffffff;
    if (size > data.length - pos) throw new ProtocolError(`LZ4 block of ${size} bytes overruns the frame`);
    const blockMax = (word & 0x80000000) !== 0 ? size : maxBlock;
    if (out.length - d < blockMax) {
      const need = d + blockMax;
      if (need > limit) throw new ProtocolError(`LZ4 data exceeds the ${limit}-byte limit`);
      const next = Buffer.allocUnsafe(Math.min(limit, Math.max(need, out.length * 2)));
      out.copy(next, 0, 0, d);
      out = next;
    }
    if ((word & 0x80000000) !== 0) {
      data.copy(out, d, pos, pos + size);
      d += size;
    } else {
      d = lz4DecodeBlock(data, pos, pos + size, out, d);
    }
    pos += size;
    if (flg & LZ4_FLG_BLOCK_CHECKSUM) pos += 4;
  }
  return out.subarray(0, d);
}

const LZ4_MIN_MATCH = 4;
const LZ4_LAST_LITERALS = 5; // the last 5 bytes of a block are always literals
const LZ4_MF_LIMIT = 12; // the last match starts at least 12 bytes before the block end

function lz4WriteLength(dst: Buffer, d: number, n: number): number {
  while (n >= 255) {
    dst[d++] = 255;
    n -= 255;
  }
  dst[d++] = n;
  return d;
}

function lz4WriteSequence(dst: Buffer, d: number, src: Buffer, anchor: number, litLen: number, offset: number, matchLen: number): number {
  const m = matchLen - LZ4_MIN_MATCH;
  dst[d++] = ((litLen < 15 ? litLen : 15) << 4) | (m < 15 ? m : 15);
  if (litLen >= 15) d = lz4WriteLength(dst, d, litLen - 15);
  src.copy(dst, d, anchor, anchor + litLen);
  d += litLen;
  dst[d++] = offset & 0xff;
  dst[d++] = offset >>> 8;
  if (m >= 15) d = lz4WriteLength(dst, d, m - 15);
  return d;
}

/**
 * Greedy single-probe LZ4 block compressor (the "fast" strategy) that keeps
 * the format's end-of-block rules, which strict decoders enforce.
 */
function lz4CompressBlock(src: Buffer, start: number, end: number, dst: Buffer, table: Int32Array): number {
  let d = 0;
  let anchor = start;
  if (end - start > LZ4_MF_LIMIT) {
    const matchLimit = end - LZ4_LAST_LITERALS;
    const lastMatchStart = end - LZ4_MF_LIMIT;
    table.fill(-1);
    let s = start;
    let misses = 0;
    while (s < lastMatchStart) {
      const seq = src.readUInt32LE(s);
      const h = Math.imul(seq, 2654435761) >>> 16;
      const ref = table[h];
      table[h] = s;
      if (ref >= 0 && s - ref <= 0xffff && src.readUInt32LE(ref) === seq) {
        let m = s + LZ4_MIN_MATCH;
        let r = ref + LZ4_MIN_MATCH;
        while (m < matchLimit && src[m] === src[r]) {
          m++;
          r++;
        }
        d = lz4WriteSequence(dst, d, src, anchor, s - anchor, s - ref, m - s);
        s = m;
        anchor = m;
        misses = 0;
      } else {
        s += 1 + (misses++ >> 6); // skip faster through incompressible data
      }
    }
  }
  const litLen = end - anchor;
  dst[d++] = (litLen < 15 ? litLen : 15) << 4;
  if (litLen >= 15) d = lz4WriteLength(dst, d, litLen - 15);
  src.copy(dst, d, anchor, end);
  return d + litLen;
}

function lz4Compress(data: Buffer): Buffer {
  const scratch = Buffer.allocUnsafe(LZ4_WRITE_BLOCK + Math.ceil(LZ4_WRITE_BLOCK / 255) + 16);
  const table = new Int32Array(1 << 16);
  const flg = LZ4_FLG_VERSION | LZ4_FLG_INDEPENDENT;
  const header = Buffer.from([0x04, 0x22, 0x4d, 0x18, flg, LZ4_BD_64K, 0]);
  header[6] = (xxh32(0, header, 4, 2) >>> 8) & 0xff;
  const parts: Buffer[] = [header];
  for (let pos = 0; pos < data.length; pos += LZ4_WRITE_BLOCK) {
    const len = Math.min(LZ4_WRITE_BLOCK, data.length - pos);
    const size = lz4CompressBlock(data, pos, pos + len, scratch, table);
    const word = Buffer.allocUnsafe(4);
    if (size >= len) {
      word.writeUInt32LE((0x80000000 | len) >>> 0, 0);
      parts.push(word, data.subarray(pos, pos + len));
    } else {
      word.writeUInt32LE(size, 0);
      parts.push(word, Buffer.from(scratch.subarray(0, size)));
    }
  }
  parts.push(Buffer.alloc(4)); // end mark
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------- public API

function wrap<T>(codec: CompressionType, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(`${codec} decompression failed: ${(err as Error).message}`);
  }
}

export function decompress(codec: CompressionType, data: Buffer, limit = MAX_DECOMPRESSED_BYTES): Buffer {
  switch (codec) {
    case 'none':
      return data;
    case 'gzip':
      return wrap(codec, () => gunzipSync(data, { maxOutputLength: limit }));
    case 'snappy':
      return wrap(codec, () => snappyDecompress(data, limit));
    case 'lz4':
      return wrap(codec, () => lz4Decompress(data, limit));
    case 'zstd':
      return wrap(codec, () => {
        const out = zstdDecompress(data);
        if (out.length > limit) throw new ProtocolError(`zstd data exceeds the ${limit}-byte limit`);
        return Buffer.from(out.buffer, out.byteOffset, out.length);
      });
  }
}

/** Codecs `compress` can produce; zstd is decode-only. */
export const WRITABLE_COMPRESSION: readonly CompressionType[] = ['none', 'gzip', 'snappy', 'lz4'];

export function compress(codec: CompressionType, data: Buffer): Buffer {
  switch (codec) {
    case 'none':
      return data;
    case 'gzip':
      return gzipSync(data);
    case 'snappy':
      return snappyCompressXerial(data);
    case 'lz4':
      return lz4Compress(data);
    case 'zstd':
      throw new ProtocolError('zstd compression is not supported for writing (decode only)');
  }
}
