import 'server-only';
import { LIST_PAYLOAD_LIMIT, type Message } from '@/lib/api/messages';
import type { Masker } from '@/lib/messages/masking';
import type { PartitionStream } from '@/lib/messages/merge';
import { readForward } from './read-range';
import { messageBytes, toMessage } from './to-message';
import type { TopicReader } from './topic-reader';

// One partition's messages in reading order for a page, fetched a slice at a time as the merge
// asks for them. A slice holds at most `chunk` messages and about `fillBytes` of them (always at
// least one), so what waits in a partition's buffer is bounded by bytes as well as by count.

const MAX_CHUNK = 10_000;
/** A backward read's first slice under a byte budget, before its messages' sizes are known. */
const PROBE_CHUNK = 100;

/** Oldest first from `from` up to `end`. */
export class ForwardStream implements PartitionStream<Message> {
  private buffer: Message[] = [];
  private index = 0;

  constructor(
    private readonly reader: TopicReader,
    readonly partition: number,
    private next: number,
    private readonly end: number,
    /** How many to decode per slice: about what the page can use from this partition. */
    private chunk: number,
    private readonly signal?: AbortSignal,
    private readonly fillBytes = Infinity,
    private readonly masker?: Masker,
  ) {}

  head(): Message | undefined | Promise<Message | undefined> {
    if (this.index < this.buffer.length) return this.buffer[this.index];
    if (this.next >= this.end || this.signal?.aborted) return undefined;
    return this.fill().then(() => this.buffer[this.index]);
  }

  shift(): void {
    this.index++;
  }

  private async fill(): Promise<void> {
    const out: Message[] = [];
    const want = this.chunk;
    this.chunk = Math.min(this.chunk * 2, MAX_CHUNK);
    let bytes = 0;
    this.next = await readForward(
      this.reader,
      this.partition,
      this.next,
      this.end,
      (c, batch) => {
        const m = toMessage(c, batch, this.partition, LIST_PAYLOAD_LIMIT, this.masker, this.reader.schemas);
        out.push(m);
        bytes += messageBytes(m);
        return out.length < want && bytes < this.fillBytes;
      },
      { signal: this.signal },
    );
    this.buffer = out;
    this.index = 0;
  }
}

/** Newest first from just below `upper` down to `start`, reading slices forward and reversing them. */
export class BackwardStream implements PartitionStream<Message> {
  private buffer: Message[] = [];
  private index = 0;
  /** Messages decoded so far and their bytes: how many offsets the next slice can afford. */
  private seen = 0;
  private seenBytes = 0;

  constructor(
    private readonly reader: TopicReader,
    readonly partition: number,
    private upper: number,
    private readonly start: number,
    private chunk: number,
    private readonly signal?: AbortSignal,
    private readonly fillBytes = Infinity,
    private readonly masker?: Masker,
  ) {}

  head(): Message | undefined | Promise<Message | undefined> {
    if (this.index < this.buffer.length) return this.buffer[this.index];
    if (this.upper <= this.start || this.signal?.aborted) return undefined;
    return this.fill().then(() => this.head());
  }

  shift(): void {
    this.index++;
  }

  private async fill(): Promise<void> {
    let span = this.chunk;
    if (Number.isFinite(this.fillBytes)) {
      span = this.seen === 0 ? Math.min(span, PROBE_CHUNK) : Math.min(span, Math.max(1, Math.floor(this.fillBytes / (this.seenBytes / this.seen))));
    }
    const lo = Math.max(this.start, this.upper - span);
    // The slice is read oldest first but only its newest messages come first: past `fillBytes`
    // the oldest kept are let go, and the next slice ends where they were.
    let out: Message[] = [];
    let first = 0;
    let bytes = 0;
    await readForward(
      this.reader,
      this.partition,
      lo,
      this.upper,
      (c, batch) => {
        const m = toMessage(c, batch, this.partition, LIST_PAYLOAD_LIMIT, this.masker, this.reader.schemas);
        const size = messageBytes(m);
        out.push(m);
        bytes += size;
        this.seen++;
        this.seenBytes += size;
        while (bytes > this.fillBytes && out.length - first > 1) bytes -= messageBytes(out[first++]);
        if (first > 1024 && first * 2 > out.length) {
          out = out.slice(first);
          first = 0;
        }
      },
      { signal: this.signal },
    );
    const kept = out.slice(first);
    this.upper = first > 0 && kept.length > 0 ? kept[0].offset : lo;
    this.chunk = Math.min(this.chunk * 2, MAX_CHUNK);
    this.buffer = kept.reverse();
    this.index = 0;
  }
}
