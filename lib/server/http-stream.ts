import 'server-only';
import { toApiError } from '@/lib/kafka/errors';

// Streaming responses for search (NDJSON) and live tail (server-sent events). The work gets an
// AbortSignal that fires when the browser goes away (the request is aborted or the body
// cancelled), so the server stops fetching as soon as nobody is listening.
//
// What the browser has not read yet waits in the stream's queue, up to BACKLOG bytes:
// - a search never drops: every event is queued, and the work awaits `room()` before reading
//   more from Kafka, so a slow reader slows the scan down instead of losing matches;
// - a live tail cannot slow Kafka down: past the backlog `send` returns false and the tail counts
//   what it could not deliver as skipped, and says so in its next batch.

const encoder = new TextEncoder();
/** Bytes queued for a browser that has not read them yet. */
const BACKLOG = 1024 * 1024;
const HEARTBEAT_MS = 15_000;
/** A search whose reader takes nothing for this long is stopped, so it cannot hold its slot forever. */
const STALL_MS = 120_000;

/**
 * `send` queues an event; it returns false when it did not (the stream is closed or, for a
 * stream that drops, the browser is too far behind). `room` resolves once the browser has read
 * the queue below the backlog (at once if it is, and when the stream ends).
 */
type Work<T> = (send: (event: T) => boolean, signal: AbortSignal, room: () => Promise<void>) => Promise<void>;

function stream<T>(request: Request, format: (event: T) => string, work: Work<T>, options: { heartbeat?: string; dropWhenBehind: boolean }): ReadableStream<Uint8Array> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  request.signal.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let waiting: (() => void)[] = [];
  let stalled: NodeJS.Timeout | undefined;
  const wake = () => {
    clearTimeout(stalled);
    stalled = undefined;
    const woken = waiting;
    waiting = [];
    for (const resolve of woken) resolve();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(out) {
        let open = true;
        const close = () => {
          if (!open) return;
          open = false;
          // This also keeps the request reachable until the stream ends: a request made from a
          // caller's signal follows it only while the request itself is alive.
          request.signal.removeEventListener('abort', onAbort);
          clearInterval(timer);
          wake();
          try {
            out.close();
          } catch {
            // already closed by a cancelled reader
          }
        };
        const send = (event: T): boolean => {
          if (!open || controller.signal.aborted) return false;
          if (options.dropWhenBehind && (out.desiredSize ?? 0) <= 0) return false;
          out.enqueue(encoder.encode(format(event)));
          return true;
        };
        const room = (): Promise<void> => {
          if (!open || controller.signal.aborted || (out.desiredSize ?? 0) > 0) return Promise.resolve();
          stalled ??= setTimeout(() => {
            // Said in the stream, for a reader that comes back; then the work stops.
            out.enqueue(encoder.encode(format({ type: 'error', code: 'timeout', message: `The client read nothing for ${STALL_MS / 1000} s; the stream was stopped.` } as T)));
            controller.abort();
          }, STALL_MS);
          return new Promise((resolve) => waiting.push(resolve));
        };
        if (options.heartbeat) {
          const beat = encoder.encode(options.heartbeat);
          // A heartbeat is only for an idle connection: one that is behind has bytes to send.
          timer = setInterval(() => open && (out.desiredSize ?? 0) > 0 && out.enqueue(beat), HEARTBEAT_MS);
        }
        controller.signal.addEventListener('abort', close, { once: true });
        work(send, controller.signal, room)
          .catch((error) => {
            const apiError = toApiError(error);
            if (!apiError) console.error('[console] message stream failed:', error);
            const event = {
              type: 'error',
              code: apiError?.code ?? 'internal',
              message: apiError?.message ?? 'Unexpected server error. The server log has the details.',
            } as T;
            // The error line is sent even to a browser that is behind: it is the last one.
            if (open && !controller.signal.aborted) out.enqueue(encoder.encode(format(event)));
          })
          .finally(close);
      },
      pull() {
        wake();
      },
      cancel() {
        controller.abort();
      },
    },
    { highWaterMark: BACKLOG, size: (chunk) => chunk.byteLength },
  );
}

const streamHeaders = { 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' };

/** Newline-delimited JSON, one event per line; nothing is dropped (see `room`). */
export function ndjsonResponse<T>(request: Request, work: Work<T>): Response {
  return new Response(stream(request, (e) => `${JSON.stringify(e)}\n`, work, { dropWhenBehind: false }), {
    headers: { ...streamHeaders, 'content-type': 'application/x-ndjson; charset=utf-8' },
  });
}

/** Server-sent events: one `data:` line per event, comments as heartbeats through idle proxies. */
export function sseResponse<T>(request: Request, work: Work<T>): Response {
  return new Response(stream(request, (e) => `data: ${JSON.stringify(e)}\n\n`, work, { heartbeat: ': keep-alive\n\n', dropWhenBehind: true }), {
    headers: { ...streamHeaders, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' },
  });
}
