import 'server-only';
import { ProtocolError } from '@/lib/protocol/errors';
import { forEachBatch, RecordCursor, type BatchView } from './record-cursor';
import { afterEmptyFetch, type TopicReader } from './topic-reader';

/** Per-partition fetch size for reads that stop early (pages, single messages). */
export const PAGE_FETCH_BYTES = 1024 * 1024;

export type RecordVisitor = (cursor: RecordCursor, batch: BatchView) => boolean | void;

/**
 * Reads one partition forward over [from, to), calling `visit` for every record (transaction
 * markers are skipped) until it returns false. Returns the offset to continue from: after the
 * last record visited, or `to` (or the log end) when the range was read to its end.
 */
export async function readForward(
  reader: TopicReader,
  partition: number,
  from: number,
  to: number,
  visit: RecordVisitor,
  options: {
    maxBytes?: number;
    signal?: AbortSignal;
    /** True for a batch that cannot hold anything of interest: its records are not visited. */
    skipBatch?: (batch: BatchView) => boolean;
  } = {},
): Promise<number> {
  const cursor = new RecordCursor();
  let next = from;
  let maxBytes = options.maxBytes ?? PAGE_FETCH_BYTES;
  let emptyTries = 0;
  while (next < to && !options.signal?.aborted) {
    const [fetched] = await reader.fetch([{ partition, offset: next, maxBytes }]);
    let stopped = false;
    const after = fetched.outOfRange ? -1 : forEachBatch(fetched.records, (batch) => {
      if (batch.lastOffset < next) return true;
      if (batch.lastOffset < to && options.skipBatch?.(batch)) {
        next = batch.lastOffset + 1;
        return true;
      }
      cursor.reset(batch);
      while (cursor.next()) {
        if (cursor.offset < next) continue;
        if (cursor.offset >= to) {
          next = to;
          stopped = true;
          return false;
        }
        if (visit(cursor, batch) === false) {
          next = cursor.offset + 1;
          stopped = true;
          return false;
        }
      }
      next = Math.min(to, Math.max(next, batch.lastOffset + 1));
      return true;
    });
    if (stopped) return next;
    if (after !== -1) {
      emptyTries = 0;
      continue;
    }
    const resume = afterEmptyFetch(fetched, next);
    if (resume === 'end') return next;
    if (resume !== 'retry') {
      // Retention moved the log start past us: carry on from what is still there.
      next = resume;
      continue;
    }
    // A batch bigger than the fetch size and a broker that does not return it whole: ask for
    // more, up to the reader's cap (limits.fetchMaxBytes).
    if (++emptyTries > 4) {
      throw new ProtocolError(
        `partition ${partition} returned no data at offset ${next} below its high watermark (fetches are limited to ${reader.maxFetchBytes} bytes: CONSOLE_FETCH_MAX_BYTES)`,
      );
    }
    maxBytes = Math.min(maxBytes * 4, reader.maxFetchBytes);
  }
  return next;
}
