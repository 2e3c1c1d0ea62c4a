'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { TopicHeader } from '@/components/topics/topic-header';
import { ErrorState } from '@/components/ui/error-state';
import { ApiError } from '@/lib/api/errors';
import type { Message } from '@/lib/api/messages';
import { useBrowse } from '@/lib/queries/messages';
import { useTopicDetail } from '@/lib/queries/topics';
import { BrowsePanel } from './browse-panel';
import { DecoderSelect } from './decoder-select';
import { MessageDetail } from './message-detail';
import { browseApiQuery, matchTerms, pageSearch, parseParams, searchApiQuery, type MessagesMode, type MessagesParams } from './messages-params';
import { ProduceForm } from './produce-form';
import { QueryForm } from './query-form';
import { ReplayPanel } from './replay-panel';
import { SearchPanel } from './search-panel';
import { TailPanel } from './tail-panel';
import { usePermission } from '@/lib/queries/auth';
import { useSearchStream } from '@/lib/queries/use-search-stream';

const modes: { id: MessagesMode; label: string }[] = [
  { id: 'browse', label: 'Browse' },
  { id: 'search', label: 'Search' },
  { id: 'tail', label: 'Live tail' },
];

/** /clusters/:cluster/topics/:topic/messages — browse, search, tail, produce and replay. */
export function MessagesView({ cluster, topic }: { cluster: string; topic: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const urlQuery = search.toString();
  const params = useMemo(() => parseParams(new URLSearchParams(urlQuery)), [urlQuery]);
  const detail = useTopicDetail(cluster, topic);
  const partitionCount = detail.data?.partitions.length;
  const produce = usePermission(cluster, 'messages:produce', { topic });
  const replay = usePermission(cluster, 'messages:replay', { topic });
  const [open, setOpen] = useState<Message | null>(null);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [panel, setPanel] = useState<'produce' | 'replay' | null>(null);
  const [replayFrom, setReplayFrom] = useState<{ partition: number; offset: number }[]>([]);
  const [append, setAppend] = useState(false);

  const browse = useBrowse(cluster, topic, browseApiQuery(params), params.mode === 'browse');
  const stream = useSearchStream(cluster, topic, params.mode === 'search' ? searchApiQuery(params) : null, append);
  const readError = params.mode === 'browse' ? browse.error : stream.state.error;
  const serverErrors = readError instanceof ApiError ? readError.fieldErrors : {};

  const go = (next: MessagesParams, continuing = false) => {
    setAppend(continuing);
    setSelection(new Set());
    router.push(`${pathname}${pageSearch(next)}`, { scroll: false });
  };
  const openReplay = (from: { partition: number; offset: number }[]) => {
    setReplayFrom(from);
    setOpen(null);
    setPanel('replay');
  };
  const selected = [...selection].map((id) => {
    const [partition, offset] = id.split('-').map(Number);
    return { partition, offset };
  });

  return (
    <>
      <TopicHeader
        cluster={cluster}
        topic={topic}
        actions={
          <div className="flex items-center gap-2">
            <button type="button" onClick={() => setPanel(panel === 'produce' ? null : 'produce')} disabled={!produce.allowed} title={produce.reason || undefined} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50" data-testid="produce-open">
              Produce
            </button>
            <button type="button" onClick={() => openReplay(selected)} disabled={!replay.allowed} title={replay.reason || undefined} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50" data-testid="replay-open">
              Replay{selected.length ? ` ${selected.length} selected` : '…'}
            </button>
          </div>
        }
      />
      {detail.error && <ErrorState error={detail.error} />}
      <div className="space-y-3">
        {panel === 'produce' && (
          <div className="rounded-lg border border-sky-200 bg-sky-50/40 p-4" data-testid="produce-panel">
            <div className="mb-3 flex items-center justify-between">
              <h2 className="text-sm font-semibold text-slate-800">Produce to {topic}</h2>
              <button type="button" onClick={() => setPanel(null)} className="rounded px-2 text-lg leading-none text-slate-500 hover:bg-slate-100" aria-label="Close produce">×</button>
            </div>
            <ProduceForm cluster={cluster} topic={topic} partitionCount={partitionCount} disabled={!produce.allowed} />
          </div>
        )}
        {panel === 'replay' && partitionCount !== undefined && (
          <ReplayPanel key={replayFrom.map((s) => `${s.partition}-${s.offset}`).join(',')} cluster={cluster} topic={topic} selection={replayFrom} partitionCount={partitionCount} onClose={() => setPanel(null)} disabled={!replay.allowed} />
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <nav className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm" aria-label="Mode">
            {modes.map((m) => (
              <button
                key={m.id}
                type="button"
                onClick={() => go({ ...params, mode: m.id, cursor: '' })}
                aria-current={params.mode === m.id ? 'page' : undefined}
                data-testid={`mode-${m.id}`}
                className={`border-r border-slate-300 px-4 py-1.5 last:border-0 ${params.mode === m.id ? 'bg-slate-800 font-medium text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
              >
                {m.label}
              </button>
            ))}
          </nav>
          <DecoderSelect value={params.show} onChange={(show) => router.replace(`${pathname}${pageSearch({ ...params, show })}`, { scroll: false })} testId="list-decoder" label="Show keys and values as" />
        </div>
        <QueryForm key={`${params.mode}:${urlQuery}`} mode={params.mode} params={params} partitionCount={partitionCount} serverErrors={serverErrors} onSubmit={(next) => go(next)} />
        {params.mode === 'browse' && <BrowsePanel query={browse} topic={topic} params={params} selection={selection} onSelection={setSelection} onOpen={setOpen} />}
        {params.mode === 'search' && (
          <SearchPanel
            topic={topic}
            params={params}
            state={stream.state}
            onCancel={stream.cancel}
            onContinue={(scanCap) => stream.state.done?.cursor && go({ ...params, cursor: stream.state.done.cursor, scanCap }, true)}
            selection={selection}
            onSelection={setSelection}
            onOpen={setOpen}
          />
        )}
        {params.mode === 'tail' && <TailPanel cluster={cluster} topic={topic} params={params} onOpen={setOpen} />}
      </div>
      {open && (
        <MessageDetail cluster={cluster} topic={topic} message={open} decoder={params.show} terms={params.mode === 'browse' ? undefined : matchTerms(params)} onClose={() => setOpen(null)} onReplay={(m) => openReplay([{ partition: m.partition, offset: m.offset }])} replayDenied={replay.allowed ? null : replay.reason} />
      )}
    </>
  );
}
