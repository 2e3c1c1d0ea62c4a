// The "consumer" protocol type's embedded payloads (ConsumerProtocolSubscription in JoinGroup
// metadata, ConsumerProtocolAssignment in SyncGroup). They are opaque bytes to the coordinator
// except for OffsetDelete, which must know which topics live members subscribe to, and for the
// in-process demo members, which build real payloads so consoles can decode them.
// Both are non-flexible at every version: int16 version, then int32-counted arrays and
// int16-length strings.

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface Subscription {
  version: number;
  topics: string[];
  userData: Buffer | null;
  ownedPartitions: TopicPartitions[];
  generationId: number;
  rackId: string | null;
}

export interface Assignment {
  version: number;
  assignedPartitions: TopicPartitions[];
  userData: Buffer | null;
}

class Cursor {
  offset = 0;
  constructor(private readonly buf: Buffer) {}
  get remaining(): number {
    return this.buf.length - this.offset;
  }
  int16(): number {
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }
  int32(): number {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  string(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    const s = this.buf.toString('utf8', this.offset, this.offset + len);
    this.offset += len;
    return s;
  }
  bytes(): Buffer | null {
    const len = this.int32();
    if (len < 0) return null;
    const b = this.buf.subarray(this.offset, this.offset + len);
    this.offset += len;
    return b;
  }
  array<T>(item: () => T): T[] {
    const n = this.int32();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(item());
    return out;
  }
}

function topicPartitions(c: Cursor): TopicPartitions {
  return { topic: c.string() ?? '', partitions: c.array(() => c.int32()) };
}

/** Decodes a subscription; newer versions are read with the latest known layout, as Kafka does. */
export function decodeSubscription(buf: Buffer): Subscription {
  const c = new Cursor(buf);
  const version = c.int16();
  const topics = c.array(() => c.string() ?? '');
  const userData = c.bytes();
  const sub: Subscription = { version, topics, userData, ownedPartitions: [], generationId: -1, rackId: null };
  if (version >= 1 && c.remaining > 0) sub.ownedPartitions = c.array(() => topicPartitions(c));
  if (version >= 2 && c.remaining > 0) sub.generationId = c.int32();
  if (version >= 3 && c.remaining > 0) sub.rackId = c.string();
  return sub;
}

export function decodeAssignment(buf: Buffer): Assignment {
  const c = new Cursor(buf);
  const version = c.int16();
  const assignedPartitions = c.array(() => topicPartitions(c));
  const userData = c.remaining >= 4 ? c.bytes() : null;
  return { version, assignedPartitions, userData };
}

/** Topics named by a member's subscription, or [] when the bytes are not a consumer subscription. */
export function subscribedTopics(metadata: Buffer): string[] {
  try {
    return decodeSubscription(metadata).topics;
  } catch {
    return [];
  }
}

class Builder {
  private readonly parts: Buffer[] = [];
  int16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    this.parts.push(b);
    return this;
  }
  int32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.parts.push(b);
    return this;
  }
  string(s: string | null): this {
    if (s === null) return this.int16(-1);
    const b = Buffer.from(s, 'utf8');
    this.int16(b.length);
    this.parts.push(b);
    return this;
  }
  bytes(b: Buffer | null): this {
    if (b === null) return this.int32(-1);
    this.int32(b.length);
    this.parts.push(b);
    return this;
  }
  topicPartitions(list: TopicPartitions[]): this {
    this.int32(list.length);
    for (const tp of list) {
      this.string(tp.topic).int32(tp.partitions.length);
      for (const p of tp.partitions) this.int32(p);
    }
    return this;
  }
  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export function encodeSubscription(sub: Subscription): Buffer {
  const b = new Builder().int16(sub.version).int32(sub.topics.length);
  for (const t of sub.topics) b.string(t);
  b.bytes(sub.userData);
  if (sub.version >= 1) b.topicPartitions(sub.ownedPartitions);
  if (sub.version >= 2) b.int32(sub.generationId);
  if (sub.version >= 3) b.string(sub.rackId);
  return b.build();
}

export function encodeAssignment(a: Assignment): Buffer {
  return new Builder().int16(a.version).topicPartitions(a.assignedPartitions).bytes(a.userData).build();
}
