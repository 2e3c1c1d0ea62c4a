import 'server-only';
import { toApiError } from '../errors';

// Streaming responses for search (NDJSON) and live tail (server-sent events). The work gets an
// AbortSignal that fires when the browser goes away (the request is aborted or the body
// cancelled), so the server stops fetching as soon as nobody is listening.

const encoder = new TextEncoder();
/** Bytes queued for a browser that does not read; beyond it, a tail drops rather than buffers. */
const MAX_BACKLOG = 8 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

type Work<T> = (send: (event: T) => boolean, signal: AbortSignal) => Promise<void>;

function stream<T>(request: Request, format: (event: T) => string, work: Work<T>, heartbeat?: string): ReadableStream<Uint8Array> {
  const controller = new AbortController();
  request.signal.addEventListener('abort', () => controller.abort(), { once: true });
  let timer: NodeJS.Timeout | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(out) {
        let open = true;
        const close = () => {
          if (!open) return;
          open = false;
          clearInterval(timer);
          try {
            out.close();
          } catch {
            // already closed by a cancelled reader
          }
        };
        const send = (event: T): boolean => {
          if (!open || controller.signal.aborted) return false;
          if ((out.desiredSize ?? 0) < -MAX_BACKLOG) return false;
          out.enqueue(encoder.encode(format(event)));
          return true;
        };
        if (heartbeat) timer = setInterval(() => open && out.enqueue(encoder.encode(heartbeat)), HEARTBEAT_MS);
        controller.signal.addEventListener('abort', close, { once: true });
        work(send, controller.signal)
          .catch((error) => {
            const apiError = toApiError(error);
            if (!apiError) console.error('[console] message stream failed:', error);
            send({
              type: 'error',
              code: apiError?.code ?? 'internal',
              message: apiError?.message ?? 'Unexpected server error. The server log has the details.',
            } as T);
          })
          .finally(close);
      },
      cancel() {
        controller.abort();
      },
    },
    { highWaterMark: MAX_BACKLOG, size: (chunk) => chunk.byteLength },
  );
}

const streamHeaders = { 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' };

/** Newline-delimited JSON, one event per line. */
export function ndjsonResponse<T>(request: Request, work: Work<T>): Response {
  return new Response(stream(request, (e) => `${JSON.stringify(e)}\n`, work), {
    headers: { ...streamHeaders, 'content-type': 'application/x-ndjson; charset=utf-8' },
  });
}

/** Server-sent events: one `data:` line per event, comments as heartbeats through idle proxies. */
export function sseResponse<T>(request: Request, work: Work<T>): Response {
  return new Response(stream(request, (e) => `data: ${JSON.stringify(e)}\n\n`, work, ': keep-alive\n\n'), {
    headers: { ...streamHeaders, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' },
  });
}
