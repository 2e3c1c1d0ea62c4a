import 'server-only';
import { LIST_PAYLOAD_LIMIT, type Message } from '@/lib/messages/api';
import type { Masker } from '@/lib/messages/masking';
import type { PartitionStream } from '@/lib/messages/merge';
import { readForward } from './read-range';
import { toMessage } from './to-message';
import type { TopicReader } from './topic-reader';

// One partition's messages in reading order for a page, fetched a slice at a time as the merge
// asks for them.

const MAX_CHUNK = 10_000;

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
    this.next = await readForward(
      this.reader,
      this.partition,
      this.next,
      this.end,
      (c, batch) => {
        out.push(toMessage(c, batch, this.partition, LIST_PAYLOAD_LIMIT, this.masker));
        return out.length < want;
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

  constructor(
    private readonly reader: TopicReader,
    readonly partition: number,
    private upper: number,
    private readonly start: number,
    private chunk: number,
    private readonly signal?: AbortSignal,
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
    const lo = Math.max(this.start, this.upper - this.chunk);
    const out: Message[] = [];
    await readForward(
      this.reader,
      this.partition,
      lo,
      this.upper,
      (c, batch) => {
        out.push(toMessage(c, batch, this.partition, LIST_PAYLOAD_LIMIT, this.masker));
      },
      { signal: this.signal },
    );
    this.upper = lo;
    this.chunk = Math.min(this.chunk * 2, MAX_CHUNK);
    this.buffer = out.reverse();
    this.index = 0;
  }
}
