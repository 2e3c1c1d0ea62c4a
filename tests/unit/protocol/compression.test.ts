import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ProtocolError } from '@/lib/protocol/errors';
import { COMPRESSION_CODES, WRITABLE_COMPRESSION, compress, compressionFromCode, decompress } from '@/lib/protocol/records/compression';

const INPUTS: Record<string, Buffer> = {
  empty: Buffer.alloc(0),
  tiny: Buffer.from('abc'),
  text: Buffer.from(Array.from({ length: 30_000 }, (_, i) => `line ${i} value=${i % 17}`).join('\n')),
  random: randomBytes(150_000),
  zeros: Buffer.alloc(200_000),
};

/** Walks an LZ4 frame and checks the block-format end rules strict decoders enforce. */
function checkLz4Blocks(frame: Buffer): number {
  let pos = 7;
  let blocks = 0;
  for (;;) {
    const word = frame.readUInt32LE(pos);
    pos += 4;
    if (word === 0) return blocks;
    const size = word & 0x7fffffff;
    if ((word & 0x80000000) === 0) {
      let s = pos;
      let out = 0;
      let lastMatchStart = -1;
      while (s < pos + size) {
        const token = frame[s++];
        let lit = token >> 4;
        if (lit === 15) for (let b = 255; b === 255; lit += b) b = frame[s++];
        s += lit;
        out += lit;
        if (s >= pos + size) break;
        s += 2;
        let len = token & 15;
        if (len === 15) for (let b = 255; b === 255; len += b) b = frame[s++];
        lastMatchStart = out;
        out += len + 4;
      }
      assert.ok(out <= 64 * 1024, 'block larger than the declared 64 KiB');
      if (lastMatchStart >= 0) assert.ok(out - lastMatchStart >= 12, `last match starts ${out - lastMatchStart} bytes before the block end`);
    }
    pos += size;
    blocks++;
  }
}

describe('compression codecs', () => {
  for (const codec of WRITABLE_COMPRESSION) {
    for (const [name, data] of Object.entries(INPUTS)) {
      it(`${codec} round-trips ${name}`, () => {
        const packed = compress(codec, data);
        assert.deepEqual(decompress(codec, packed), data);
        if (codec !== 'none' && name === 'zeros') assert.ok(packed.length < data.length / 20);
      });
    }
  }

  it('snappy output uses xerial framing (magic header, 32 KiB blocks)', () => {
    const packed = compress('snappy', INPUTS.text);
    assert.equal(packed.subarray(0, 8).toString('hex'), '82534e4150505900');
    assert.equal(packed.readInt32BE(8), 1);
    assert.equal(packed.readInt32BE(12), 1);
    assert.ok(packed.readInt32BE(16) > 0 && packed.readInt32BE(16) < 32 * 1024);
  });

  it('lz4 frames declare independent 64 KiB blocks with a valid header checksum and obey block end rules', () => {
    for (const data of Object.values(INPUTS)) {
      const frame = compress('lz4', data);
      assert.equal(frame.readUInt32LE(0), 0x184d2204);
      assert.equal(frame[4], 0x60);
      assert.equal(frame[5], 0x40);
      // Header checksum for FLG=0x60, BD=0x40 (xxh32 >> 8 & 0xff), which the reference lz4 tool accepts.
      assert.equal(frame[6], 0x82);
      assert.equal(checkLz4Blocks(frame), Math.ceil(data.length / 65536));
    }
  });

  it('maps codec ids', () => {
    assert.deepEqual(COMPRESSION_CODES, { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 });
    assert.equal(compressionFromCode(4), 'zstd');
    assert.throws(() => compressionFromCode(5), ProtocolError);
    assert.throws(() => compress('zstd', INPUTS.tiny), /decode only/);
  });

  it('turns corrupt input into ProtocolError', () => {
    for (const codec of ['gzip', 'snappy', 'lz4', 'zstd'] as const) {
      assert.throws(() => decompress(codec, Buffer.from('definitely not compressed data')), ProtocolError, codec);
    }
    const lz4 = compress('lz4', INPUTS.text);
    assert.throws(() => decompress('lz4', lz4.subarray(0, lz4.length - 10)), ProtocolError);
    const xerial = compress('snappy', INPUTS.text);
    assert.throws(() => decompress('snappy', xerial.subarray(0, 40)), ProtocolError);
  });

  it('enforces the decompressed size limit', () => {
    for (const codec of ['gzip', 'snappy', 'lz4'] as const) {
      assert.throws(() => decompress(codec, compress(codec, INPUTS.zeros), 1000), ProtocolError, codec);
    }
  });
});
