'use client';

import { useState } from 'react';
import type { Message } from '@/lib/api/messages';
import { ExportMenu } from './export-menu';
import { MessageTable } from './message-table';
import { matchTerms, tailApiQuery, type MessagesParams } from './messages-params';
import { ReadError } from './read-error';
import { MAX_ROWS, useTail } from '@/lib/queries/use-tail';

/** New messages as they arrive, newest on top; pause keeps collecting without redrawing. */
export function TailPanel({ cluster, topic, params, onOpen }: { cluster: string; topic: string; params: MessagesParams; onOpen: (m: Message) => void }) {
  const [running, setRunning] = useState(true);
  const [paused, setPaused] = useState(false);
  const { state, clear } = useTail(cluster, topic, tailApiQuery(params), running, paused);
  const toggle = () => {
    if (!running) {
      setRunning(true);
      setPaused(false);
    } else setPaused(!paused);
  };
  const label = !running ? 'Start' : paused ? 'Resume' : 'Pause';
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2.5 text-sm shadow-sm">
        <div className="flex items-center gap-3" data-testid="tail-status" data-status={paused ? 'paused' : state.status}>
          <span className={`inline-block h-2.5 w-2.5 rounded-full ${state.status === 'live' && !paused ? 'animate-pulse bg-emerald-500' : state.status === 'error' ? 'bg-red-500' : 'bg-slate-300'}`} />
          <span className="font-medium text-slate-800">
            {!running ? 'Stopped' : paused ? 'Paused' : state.status === 'live' ? 'Live' : state.status === 'connecting' ? 'Connecting…' : 'Disconnected'}
          </span>
          <span className="tabular-nums text-slate-500" data-testid="tail-received">{state.received.toLocaleString('en-US')} received</span>
          {paused && state.waiting > 0 && <span className="text-amber-700" data-testid="tail-waiting">{state.waiting.toLocaleString('en-US')} waiting</span>}
          {state.skipped > 0 && (
            <span className="text-slate-500" title={`Only the newest ${MAX_ROWS} stay on screen, and a very busy topic is sampled by the server.`}>
              {state.skipped.toLocaleString('en-US')} not shown
            </span>
          )}
        </div>
        <div className="flex items-center gap-2">
          <button type="button" onClick={toggle} className="rounded bg-slate-800 px-3 py-1 text-xs font-medium text-white hover:bg-slate-700" data-testid="tail-toggle">{label}</button>
          {running && <button type="button" onClick={() => setRunning(false)} className="rounded border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100" data-testid="tail-stop">Stop</button>}
          <button type="button" onClick={clear} className="rounded border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100" data-testid="tail-clear">Clear</button>
          <ExportMenu messages={state.rows} name={`${topic}-tail`} />
        </div>
      </div>
      {state.status === 'error' && state.error && <ReadError error={state.error} />}
      <MessageTable messages={state.rows} decoder={params.show} terms={matchTerms(params)} onOpen={onOpen} empty={running ? 'Waiting for new messages…' : 'Press Start to follow new messages.'} />
    </div>
  );
}
