// The browser side of the streamed answers (search NDJSON, live-tail SSE), beside apiFetch.

import { errorFromResponse } from '@/lib/api/fetcher';

/** Opens a streaming request; a refusal comes back as the server's ApiError, never as data. */
export async function openStream(url: string, accept: string, signal: AbortSignal, what: string): Promise<Response> {
  const response = await fetch(url, { signal, headers: { accept } });
  if (!response.ok) throw await errorFromResponse(response, what);
  return response;
}

/** The pieces of a streamed body, each ended by `separator` ("\n" for NDJSON, "\n\n" for SSE). */
export async function* streamPieces(response: Response, separator: string): AsyncGenerator<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf(separator)) !== -1) {
      yield buffer.slice(0, end);
      buffer = buffer.slice(end + separator.length);
    }
  }
}
