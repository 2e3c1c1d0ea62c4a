// Records of the __consumer_offsets topic in Kafka's own formats, so any tool that reads the topic
// (kcat, kafka-console-consumer's OffsetsMessageFormatter) sees what a Kafka broker would write:
//   offset commit key v1: int16 version, string group, string topic, int32 partition
//   offset commit value v3: int16 version, int64 offset, int32 leaderEpoch, string metadata, int64 commitTimestamp
//   group metadata key v2: int16 version, string group
//   group metadata value v3: int16 version, string protocolType, int32 generation, nullable string
//     protocol, nullable string leader, int64 currentStateTimestamp, members (written empty here)
// A null value (tombstone) deletes the key, which compaction then removes.
import type { OffsetLogEntry } from './offset-log';

export interface OffsetsRecord {
  key: Buffer;
  value: Buffer | null;
}

class Writer {
  private readonly parts: Buffer[] = [];
  int16(n: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(n);
    this.parts.push(b);
    return this;
  }
  int32(n: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    this.parts.push(b);
    return this;
  }
  int64(n: number): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(n));
    this.parts.push(b);
    return this;
  }
  string(s: string | null): this {
    if (s === null) return this.int16(-1);
    const bytes = Buffer.from(s, 'utf8');
    this.int16(bytes.length);
    this.parts.push(bytes);
    return this;
  }
  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}

class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  int16(): number {
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  int32(): number {
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  int64(): number {
    const v = Number(this.buf.readBigInt64BE(this.pos));
    this.pos += 8;
    return v;
  }
  string(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    const s = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += len;
    return s;
  }
}

export function offsetCommitKey(group: string, topic: string, partition: number): Buffer {
  return new Writer().int16(1).string(group).string(topic).int32(partition).done();
}

export function groupMetadataKey(group: string): Buffer {
  return new Writer().int16(2).string(group).done();
}

/** The record an entry of the coordinator's change stream becomes ('x' is written as offset tombstones plus this). */
export function entryRecord(entry: OffsetLogEntry, now: number): OffsetsRecord {
  switch (entry.t) {
    case 'c':
      return {
        key: offsetCommitKey(entry.g, entry.tp, entry.p),
        // Kafka stores a null commit metadata as "" (OffsetAndMetadata.NO_METADATA).
        value: new Writer().int16(3).int64(entry.o).int32(entry.e).string(entry.m ?? '').int64(entry.ts).done(),
      };
    case 'd':
      return { key: offsetCommitKey(entry.g, entry.tp, entry.p), value: null };
    case 'x':
      return { key: groupMetadataKey(entry.g), value: null };
    case 'g': {
      const g = entry;
      const value = new Writer()
        .int16(3)
        .string(g.pt)
        .int32(g.generation ?? 0)
        .string(g.protocol ?? null)
        .string(g.leader ?? null)
        .int64(now)
        .int32(0)
        .done();
      return { key: groupMetadataKey(g.g), value };
    }
  }
}

/** Reads a record back as a change entry; null for keys this cluster does not write (ignored). */
export function recordEntry(key: Buffer | null, value: Buffer | null): OffsetLogEntry | null {
  if (!key || key.length < 2) return null;
  try {
    const k = new Reader(key);
    const version = k.int16();
    if (version === 0 || version === 1) {
      const g = k.string() ?? '';
      const tp = k.string() ?? '';
      const p = k.int32();
      if (value === null) return { t: 'd', g, tp, p };
      const v = new Reader(value);
      const vv = v.int16();
      const o = v.int64();
      const e = vv >= 3 ? v.int32() : -1;
      const m = v.string();
      const ts = v.int64();
      return { t: 'c', g, tp, p, o, e, m, ts };
    }
    if (version === 2) {
      const g = k.string() ?? '';
      if (value === null) return { t: 'x', g };
      const v = new Reader(value);
      v.int16();
      return { t: 'g', g, pt: v.string() ?? '' };
    }
  } catch {
    // A record this cluster cannot read is skipped, as a torn line of the old JSON log was.
  }
  return null;
}

/** Kafka's partitionFor: Utils.abs(groupId.hashCode) % partitions (abs(MIN_VALUE) is 0). */
export function offsetsPartitionFor(groupId: string, partitions: number): number {
  let h = 0;
  for (let i = 0; i < groupId.length; i++) h = (Math.imul(31, h) + groupId.charCodeAt(i)) | 0;
  const abs = h === -2147483648 ? 0 : Math.abs(h);
  return abs % partitions;
}
