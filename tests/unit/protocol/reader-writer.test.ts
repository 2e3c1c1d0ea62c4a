import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolError } from '@/lib/protocol/errors';
import { Reader } from '@/lib/protocol/reader';
import { Writer, sizeOfUnsignedVarInt, sizeOfVarInt, sizeOfVarLong } from '@/lib/protocol/writer';

const hex = (w: Writer): string => w.toBuffer().toString('hex');
const reader = (h: string): Reader => new Reader(Buffer.from(h, 'hex'));

describe('Writer/Reader fixed-width primitives', () => {
  it('round-trips ints, floats and bools at their limits', () => {
    const w = new Writer(1);
    w.writeInt8(-128).writeInt8(127).writeInt16(-32768).writeInt16(32767).writeUInt16(65535);
    w.writeInt32(-2147483648).writeInt32(2147483647).writeUInt32(4294967295);
    w.writeInt64(-1).writeInt64(0).writeInt64(Number.MAX_SAFE_INTEGER).writeInt64(Number.MIN_SAFE_INTEGER);
    w.writeInt64(2 ** 32).writeInt64(-(2 ** 32) - 5);
    w.writeFloat64(Math.PI).writeFloat64(-0.5).writeBool(true).writeBool(false);
    const r = new Reader(w.toBuffer());
    assert.deepEqual(
      [r.readInt8(), r.readInt8(), r.readInt16(), r.readInt16(), r.readUInt16(), r.readInt32(), r.readInt32(), r.readUInt32()],
      [-128, 127, -32768, 32767, 65535, -2147483648, 2147483647, 4294967295],
    );
    assert.deepEqual(
      [r.readInt64(), r.readInt64(), r.readInt64(), r.readInt64(), r.readInt64(), r.readInt64()],
      [-1, 0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 32, -(2 ** 32) - 5],
    );
    assert.equal(r.readFloat64(), Math.PI);
    assert.equal(r.readFloat64(), -0.5);
    assert.equal(r.readBool(), true);
    assert.equal(r.readBool(), false);
    assert.equal(r.remaining, 0);
  });

  it('writes int64 big-endian and accepts bigint for exact values', () => {
    assert.equal(hex(new Writer().writeInt64(-2)), 'fffffffffffffffe');
    assert.equal(hex(new Writer().writeInt64(0x0102030405)), '0000000102030405');
    const w = new Writer().writeInt64(9223372036854775807n);
    assert.equal(hex(w), '7fffffffffffffff');
    assert.equal(new Reader(w.toBuffer()).readInt64Big(), 9223372036854775807n);
    // Beyond 2^53 the number form rounds like Number(BigInt).
    assert.equal(new Reader(w.toBuffer()).readInt64(), Number(9223372036854775807n));
  });

  it('grows from a tiny initial capacity without losing data', () => {
    const w = new Writer(1);
    for (let i = 0; i < 10_000; i++) w.writeInt32(i);
    const r = new Reader(w.toBuffer());
    for (let i = 0; i < 10_000; i++) assert.equal(r.readInt32(), i);
  });
});

describe('varints', () => {
  const zigzag: Array<[number, string]> = [
    [0, '00'],
    [-1, '01'],
    [1, '02'],
    [-64, '7f'],
    [63, '7e'],
    [64, '8001'],
    [300, 'd804'],
    [2147483647, 'feffffff0f'],
    [-2147483648, 'ffffffff0f'],
  ];
  for (const [value, bytes] of zigzag) {
    it(`varint ${value} <-> ${bytes}`, () => {
      const w = new Writer().writeVarInt(value);
      assert.equal(hex(w), bytes);
      assert.equal(sizeOfVarInt(value), bytes.length / 2);
      assert.equal(reader(bytes).readVarInt(), value);
    });
  }

  it('unsigned varint edge values', () => {
    for (const [value, bytes] of [[0, '00'], [127, '7f'], [128, '8001'], [16383, 'ff7f'], [16384, '808001'], [4294967295, 'ffffffff0f']] as const) {
      assert.equal(hex(new Writer().writeUnsignedVarInt(value)), bytes);
      assert.equal(sizeOfUnsignedVarInt(value), bytes.length / 2);
      assert.equal(reader(bytes).readUnsignedVarInt(), value);
    }
  });

  it('varlong matches varint in int32 range and round-trips 64-bit values', () => {
    assert.equal(hex(new Writer().writeVarLong(-1)), '01');
    assert.equal(hex(new Writer().writeVarLong(2 ** 31)), '8080808010');
    const values = [0, 1, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 40 + 7, -(2 ** 45), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1_700_000_000_000];
    const w = new Writer();
    for (const v of values) w.writeVarLong(v);
    const r = new Reader(w.toBuffer());
    for (const v of values) {
      assert.equal(r.readVarLong(), v);
      assert.equal(sizeOfVarLong(v), new Writer().writeVarLong(v).length);
    }
  });

  it('varlong bytes match a BigInt reference encoder', () => {
    const reference = (v: number): string => {
      let z = BigInt.asUintN(64, (BigInt(v) << 1n) ^ (BigInt(v) >> 63n));
      const out: number[] = [];
      while (z >= 0x80n) {
        out.push(Number(z & 0x7fn) | 0x80);
        z >>= 7n;
      }
      out.push(Number(z));
      return Buffer.from(out).toString('hex');
    };
    let seed = 12345;
    const rand = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 2000; i++) {
      const magnitude = 2 ** Math.floor(rand() * 54);
      const v = Math.min(Number.MAX_SAFE_INTEGER, Math.floor(rand() * magnitude)) * (rand() < 0.5 ? -1 : 1) || 0;
      assert.equal(hex(new Writer().writeVarLong(v)), reference(v), `value ${v}`);
      assert.equal(reader(reference(v)).readVarLong(), v);
    }
  });

  it('rejects truncated and over-long varints', () => {
    assert.throws(() => reader('80').readUnsignedVarInt(), ProtocolError);
    assert.throws(() => reader('').readVarInt(), ProtocolError);
    assert.throws(() => reader('ffffffff7f').readUnsignedVarInt(), ProtocolError);
    assert.throws(() => reader('ffffffffff01').readUnsignedVarInt(), ProtocolError);
    assert.throws(() => reader('ffffffffffffffffffff01').readVarLong(), ProtocolError);
    assert.throws(() => reader('8080').readVarLong(), ProtocolError);
  });
});

describe('strings, bytes, uuids', () => {
  it('encodes classic and compact strings', () => {
    assert.equal(hex(new Writer().writeString('ab')), '00026162');
    assert.equal(hex(new Writer().writeNullableString(null)), 'ffff');
    assert.equal(hex(new Writer().writeCompactString('ab')), '036162');
    assert.equal(hex(new Writer().writeCompactNullableString(null)), '00');
    assert.equal(hex(new Writer().writeCompactString('')), '01');
  });

  it('round-trips UTF-8 and nulls in all four string forms', () => {
    const w = new Writer();
    w.writeString('héllo ✓').writeNullableString(null).writeCompactString('日本').writeCompactNullableString(null).writeString('');
    const r = new Reader(w.toBuffer());
    assert.equal(r.readString(), 'héllo ✓');
    assert.equal(r.readNullableString(), null);
    assert.equal(r.readCompactString(), '日本');
    assert.equal(r.readCompactNullableString(), null);
    assert.equal(r.readString(), '');
  });

  it('round-trips bytes as views of the input', () => {
    const payload = Buffer.from([1, 2, 3]);
    const w = new Writer().writeBytes(payload).writeNullableBytes(null).writeCompactBytes(payload).writeCompactNullableBytes(null);
    assert.equal(hex(w), '00000003010203ffffffff0401020300');
    const input = w.toBuffer();
    const r = new Reader(input);
    const first = r.readBytes();
    assert.deepEqual(first, payload);
    assert.equal(first.buffer, input.buffer, 'readBytes should not copy');
    assert.equal(r.readNullableBytes(), null);
    assert.deepEqual(r.readCompactBytes(), payload);
    assert.equal(r.readCompactNullableBytes(), null);
  });

  it('uuid uses Kafka base64url form', () => {
    const zero = 'AAAAAAAAAAAAAAAAAAAAAA';
    assert.equal(hex(new Writer().writeUuid(zero)), '00'.repeat(16));
    const id = Buffer.from('0123456789abcdeffedcba9876543210', 'hex').toString('base64url');
    const w = new Writer().writeUuid(id);
    assert.equal(hex(w), '0123456789abcdeffedcba9876543210');
    assert.equal(new Reader(w.toBuffer()).readUuid(), id);
    assert.throws(() => new Writer().writeUuid('not-a-uuid'), ProtocolError);
  });

  it('rejects null in non-nullable positions and bad lengths', () => {
    assert.throws(() => reader('ffff').readString(), ProtocolError);
    assert.throws(() => reader('fffe').readNullableString(), ProtocolError);
    assert.throws(() => reader('00').readCompactString(), ProtocolError);
    assert.throws(() => reader('ffffffff').readBytes(), ProtocolError);
    assert.throws(() => reader('fffffff0').readNullableBytes(), ProtocolError);
  });

  it('rejects lengths beyond the remaining bytes without allocating', () => {
    assert.throws(() => reader('0005616263').readString(), /truncated/);
    assert.throws(() => reader('7fffffff00').readBytes(), /truncated/);
    assert.throws(() => reader('ffffffff0f').readCompactBytes(), /truncated/);
    const before = process.memoryUsage().arrayBuffers;
    assert.throws(() => reader('7fffffff').readArray((r) => r.readInt32()), /array length/);
    assert.throws(() => reader('ffffffff0f').readCompactArray((r) => r.readInt32()), /array length/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024);
  });

  it('rejects truncated fixed-width reads', () => {
    assert.throws(() => reader('0000').readInt32(), ProtocolError);
    assert.throws(() => reader('00000000000000').readInt64(), ProtocolError);
    assert.throws(() => reader('').readBool(), ProtocolError);
    assert.throws(() => reader('00').readUuid(), ProtocolError);
    // A bounded reader stops at its end even if the buffer continues.
    assert.throws(() => new Reader(Buffer.alloc(8), 0, 2).readInt32(), ProtocolError);
  });
});

describe('arrays and tagged fields', () => {
  it('encodes arrays in both forms, including null', () => {
    const each = (w: Writer, v: number): void => void w.writeInt16(v);
    assert.equal(hex(new Writer().writeArray([1, 2], each)), '0000000200010002');
    assert.equal(hex(new Writer().writeNullableArray(null, each)), 'ffffffff');
    assert.equal(hex(new Writer().writeCompactArray([1, 2], each)), '0300010002');
    assert.equal(hex(new Writer().writeCompactNullableArray(null, each)), '00');
    const r = reader('03000100020000000100070000');
    assert.deepEqual(r.readCompactArray((x) => x.readInt16()), [1, 2]);
    assert.deepEqual(r.readArray((x) => x.readInt16()), [7]);
    assert.equal(r.readCompactNullableArray((x) => x.readInt16()), null);
    assert.deepEqual(reader('01').readCompactArray((x) => x.readInt16()), []);
  });

  it('writes tagged fields and skips unknown ones on read', () => {
    const w = new Writer().writeTaggedFields([
      { tag: 0, data: Buffer.from([0xaa]) },
      { tag: 5, data: Buffer.from([1, 2, 3]) },
    ]);
    w.writeInt8(9);
    assert.equal(hex(w), '020001aa050301020309');
    const seen: Array<[number, number]> = [];
    const r = new Reader(w.toBuffer());
    r.readTaggedFields((tag, tr) => {
      seen.push([tag, tr.remaining]);
      if (tag === 0) assert.equal(tr.readRaw(1)[0], 0xaa);
      return tag === 0;
    });
    assert.deepEqual(seen, [[0, 1], [5, 3]]);
    assert.equal(r.readInt8(), 9);
    const skipAll = new Reader(w.toBuffer());
    skipAll.readTaggedFields();
    assert.equal(skipAll.readInt8(), 9);
    assert.throws(() => reader('010105aa').readTaggedFields(), ProtocolError);
  });

  it('reserve/setInt32At fills a size prefix', () => {
    const w = new Writer();
    const at = w.reserveInt32();
    w.writeString('xyz');
    w.setInt32At(at, w.length - 4);
    assert.equal(hex(w), '000000050003' + '78797a');
  });
});
