'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { openStream, streamPieces } from '@/lib/api/stream';
import { ApiError } from '@/lib/api/errors';
import type { Message, TailEvent } from '@/lib/api/messages';
import { messagesPath } from './messages';

// Live tail: reads the server-sent event stream (through fetch, so a 400 shows its reason).
// Arrivals are buffered and rendered at most every FLUSH_MS, newest first, and only the newest
// MAX_ROWS stay on screen, so a busy topic cannot freeze the page. Paused, arrivals are counted
// and kept (the newest MAX_ROWS) until resumed.

const FLUSH_MS = 250;
export const MAX_ROWS = 500;

export interface TailState {
  status: 'off' | 'connecting' | 'live' | 'error';
  rows: Message[];
  received: number;
  /** Matches the server left out because the topic was too busy (and rows pushed off screen). */
  skipped: number;
  waiting: number;
  error?: ApiError;
}

const off: TailState = { status: 'off', rows: [], received: 0, skipped: 0, waiting: 0 };

export function useTail(cluster: string, topic: string, query: string, running: boolean, paused: boolean) {
  const [state, setState] = useState<TailState>(off);
  const [generation, setGeneration] = useState(0);
  const isPaused = useEffectEvent(() => paused);
  // Bumped by "Clear"; the running stream notices and empties its rows.
  const clears = useRef(0);

  useEffect(() => {
    if (!running) return;
    const abort = new AbortController();
    let current: TailState = { ...off, status: 'connecting' };
    let incoming: Message[] = [];
    let dirty = true;
    let clearsSeen = clears.current;
    const flush = () => {
      if (clearsSeen !== clears.current) {
        clearsSeen = clears.current;
        current = { ...current, rows: [], received: 0, skipped: 0, waiting: 0 };
        incoming = [];
        dirty = true;
      }
      if (!isPaused() && incoming.length > 0) {
        const rows = [...incoming.reverse(), ...current.rows];
        const dropped = Math.max(0, rows.length - MAX_ROWS);
        current = { ...current, rows: rows.slice(0, MAX_ROWS), waiting: 0, skipped: current.skipped + dropped };
        incoming = [];
        dirty = true;
      }
      if (dirty) setState(current);
      dirty = false;
    };
    const timer = setInterval(flush, FLUSH_MS);
    const apply = (e: TailEvent) => {
      dirty = true;
      if (e.type === 'ready') current = { ...current, status: 'live' };
      else if (e.type === 'error') current = { ...current, status: 'error', error: new ApiError(500, e.code as ApiError['code'], e.message) };
      else {
        incoming.push(...e.messages);
        if (incoming.length > MAX_ROWS) {
          current = { ...current, skipped: current.skipped + incoming.length - MAX_ROWS };
          incoming = incoming.slice(-MAX_ROWS);
        }
        current = { ...current, received: current.received + e.messages.length, skipped: current.skipped + e.skipped, waiting: isPaused() ? incoming.length : 0 };
      }
    };
    void (async () => {
      try {
        const response = await openStream(`${messagesPath(cluster, topic)}/tail?${query}`, 'text/event-stream', abort.signal, 'Live tail');
        for await (const event of streamPieces(response, '\n\n')) {
          const data = event
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data) apply(JSON.parse(data) as TailEvent);
        }
        if (!abort.signal.aborted) current = { ...current, status: 'error', error: new ApiError(503, 'cluster_unreachable', 'The live tail connection closed.') };
      } catch (error) {
        if (!abort.signal.aborted) current = { ...current, status: 'error', error: error instanceof ApiError ? error : new ApiError(503, 'cluster_unreachable', 'The console server cannot be reached.') };
      } finally {
        dirty = true;
        if (!abort.signal.aborted) flush();
      }
    })();
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [cluster, topic, query, running, generation]);

  return {
    state: running ? state : { ...state, status: 'off' as const },
    clear: () => {
      clears.current++;
    },
    reconnect: () => setGeneration((g) => g + 1),
  };
}
