'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { openStream, streamPieces } from '@/lib/api/stream';
import { ApiError } from '@/lib/api/errors';
import type { Message, SearchEvent } from '@/lib/api/messages';
import { messagesPath } from './messages';

// Runs a search as a streamed request (NDJSON) and turns its lines into state. Updates are
// applied at most every FLUSH_MS so a fast stream of matches cannot freeze the page. Leaving
// the page, changing the query or pressing Cancel aborts the request, which stops the server.

const FLUSH_MS = 150;

type Progress = Extract<SearchEvent, { type: 'progress' }>;
type Done = Extract<SearchEvent, { type: 'done' }>;

export interface SearchState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  messages: Message[];
  total: number;
  progress?: Progress;
  done?: Done;
  error?: ApiError;
}

const idle: SearchState = { status: 'idle', messages: [], total: 0 };

/** `query` null means "no search"; `append` keeps the matches of the previous run (a continuation). */
export function useSearchStream(cluster: string, topic: string, query: string | null, append: boolean) {
  const [state, setState] = useState<SearchState>(idle);
  const controller = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  // The matches so far, read when a run starts (not a reason to start one).
  const startingPoint = useEffectEvent((): SearchState => (append ? stateRef.current : idle));

  useEffect(() => {
    if (query === null) return;
    const abort = new AbortController();
    controller.current = abort;
    let current: SearchState = { ...startingPoint(), status: 'running', progress: undefined, done: undefined, error: undefined };
    let dirty = true;
    const flush = () => {
      if (!dirty) return;
      dirty = false;
      setState(current);
    };
    const timer = setInterval(flush, FLUSH_MS);
    const apply = (e: SearchEvent) => {
      dirty = true;
      if (e.type === 'start') current = { ...current, total: e.total };
      else if (e.type === 'message') current = { ...current, messages: [...current.messages, e.message] };
      else if (e.type === 'progress') current = { ...current, progress: e };
      else if (e.type === 'done') current = { ...current, done: e, status: 'done', progress: { type: 'progress', scanned: e.scanned, total: e.total, matched: e.matched, ratePerSec: e.ratePerSec, elapsedMs: e.elapsedMs } };
      else if (e.type === 'error') current = { ...current, status: 'error', error: new ApiError(500, e.code as ApiError['code'], e.message) };
    };
    void (async () => {
      try {
        const response = await openStream(`${messagesPath(cluster, topic)}/search?${query}`, 'application/x-ndjson', abort.signal, 'Search');
        for await (const line of streamPieces(response, '\n')) {
          if (line) apply(JSON.parse(line) as SearchEvent);
        }
        if (current.status === 'running') current = { ...current, status: 'error', error: new ApiError(503, 'cluster_unreachable', 'The search stopped before it finished.') };
      } catch (error) {
        if (abort.signal.aborted) current = { ...current, status: 'cancelled' };
        else current = { ...current, status: 'error', error: error instanceof ApiError ? error : new ApiError(503, 'cluster_unreachable', 'The console server cannot be reached.') };
      } finally {
        dirty = true;
        clearInterval(timer);
        flush();
      }
    })();
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [cluster, topic, query]);

  return {
    state: query === null ? idle : state,
    cancel: () => controller.current?.abort(),
  };
}
