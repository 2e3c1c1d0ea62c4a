'use client';

import { useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { formatBytesExact } from '@/lib/format/number';
import { Skeleton } from '@/components/ui/skeleton';
import { useEscape } from '@/components/ui/use-escape';
import type { Message, Payload } from '@/lib/api/messages';
import { toJsonLine } from '@/lib/messages/export';
import { messagesPath, useMessage } from '@/lib/queries/messages';
import { CopyButton } from './copy-button';
import { DecoderSelect } from './decoder-select';
import { DetailHeaders } from './detail-headers';
import { MatchSummary } from './match-summary';
import type { MatchTerms } from './messages-params';
import { PayloadView } from './payload-view';
import { Timestamp } from './timestamp';

/** One message in full: key, value and headers with copy and download, and what to do with it. */
export function MessageDetail({ cluster, topic, message, decoder, terms, onClose, onReplay, replayDenied }: {
  cluster: string;
  topic: string;
  message: Message;
  decoder: string;
  /** The search terms, when the message came from a search: where they matched is shown first. */
  terms?: MatchTerms;
  onClose: () => void;
  onReplay: (m: Message) => void;
  /** Why replay is not allowed, or null. */
  replayDenied: string | null;
}) {
  const truncated = Boolean(message.key?.truncated || message.value?.truncated || message.headers.some((h) => h.value?.truncated));
  const full = useMessage(cluster, topic, message.partition, message.offset);
  const m = full.data ?? message;
  const [show, setShow] = useState(decoder);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEscape(onClose);
  // Keyboard users land in the drawer, not behind it, and go back to where they opened it.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    return () => opener?.focus();
  }, []);
  const download = (part: 'key' | 'value') => `${messagesPath(cluster, topic)}/${m.partition}/${m.offset}?download=${part}`;
  return (
    <div className="fixed inset-0 z-40 flex justify-end bg-black/40" onClick={onClose} data-testid="message-detail-backdrop">
      <aside
        className="flex h-full w-full max-w-3xl flex-col overflow-hidden bg-white shadow-xl"
        onClick={(e) => e.stopPropagation()}
        role="dialog"
        aria-label={`Message ${m.partition}:${m.offset}`}
        data-testid="message-detail"
      >
        <header className="space-y-2 border-b border-slate-200 px-5 py-3">
          <div className="flex items-center justify-between gap-3">
            <h2 className="font-mono text-sm font-semibold text-slate-900">
              partition {m.partition} · offset {m.offset}
            </h2>
            <button ref={closeButton} type="button" onClick={onClose} className="rounded px-2 text-lg leading-none text-slate-500 hover:bg-slate-100" aria-label="Close" data-testid="detail-close">
              ×
            </button>
          </div>
          <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
            <Meta label="Time"><Timestamp ms={m.timestamp} type={m.timestampType} /></Meta>
            <Meta label="ISO"><span className="font-mono" data-testid="detail-iso">{m.timestamp >= 0 ? new Date(m.timestamp).toISOString() : 'none'}</span></Meta>
            <Meta label="Set by">{m.timestampType === 'LogAppendTime' ? 'broker (LogAppendTime)' : 'producer (CreateTime)'}</Meta>
            <Meta label="Size">{formatBytesExact(m.size)}</Meta>
            {m.compression !== 'none' && <Meta label="Batch"><Badge tone="info">{m.compression}</Badge></Meta>}
            {m.masked && (
              <Meta label="Contents">
                <Badge tone="warn" title="Your role masks parts of this topic's messages: *** or sha256:… stand for what is hidden" testId="detail-masked">masked</Badge>
              </Meta>
            )}
          </dl>
          <div className="flex flex-wrap gap-2">
            <CopyButton text={toJsonLine(m)} label="Copy as JSON" testId="copy-message" />
            <CopyButton text={linkTo(cluster, topic, m)} label="Copy link" testId="copy-link" />
            <button
              type="button"
              onClick={() => onReplay(m)}
              disabled={replayDenied !== null}
              title={replayDenied ?? 'Produce this message again'}
              data-testid="detail-replay"
              className="whitespace-nowrap rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50"
            >
              Replay…
            </button>
          </div>
        </header>
        <div className="flex-1 space-y-5 overflow-y-auto px-5 py-4">
          {truncated && full.isPending && <Skeleton className="h-4 w-64" />}
          {full.error && <ErrorState error={full.error} />}
          <div className="flex justify-end">
            <DecoderSelect value={show} onChange={setShow} testId="detail-decoder" />
          </div>
          {terms && <MatchSummary message={m} terms={terms} decoder={show} />}
          <Part title="Key" payload={m.key} decoder={show} download={download('key')} testId="detail-key" />
          {/* Headers before the value: they are short, and a long value would push them out of sight. */}
          <DetailHeaders headers={m.headers} decoder={show} term={terms?.headerValue} />
          <Part title="Value" payload={m.value} decoder={show} download={download('value')} testId="detail-value" />
        </div>
      </aside>
    </div>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-center gap-1.5">
      <dt className="text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** An address that opens the messages page on exactly this message. */
function linkTo(cluster: string, topic: string, m: Message): string {
  const path = `/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;
  return `${window.location.origin}${path}?partitions=${m.partition}&start=offset&offset=${m.offset}&order=asc&limit=1`;
}

function Part({ title, payload, decoder, download, testId }: { title: string; payload: Payload | null; decoder: string; download: string; testId: string }) {
  const copyText = payload?.data ?? '';
  return (
    <section>
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {title}
          {payload && <span className="ml-2 font-normal normal-case text-slate-400">{formatBytesExact(payload.size)}{payload.encoding === 'base64' ? ', binary' : ''}</span>}
        </h3>
        {payload && (
          <div className="flex gap-2">
            <CopyButton text={copyText} label={payload.encoding === 'base64' ? 'Copy base64' : 'Copy'} testId={`${testId}-copy`} />
            <a href={download} download className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100" data-testid={`${testId}-download`}>
              Download
            </a>
          </div>
        )}
      </div>
      <PayloadView payload={payload} decoder={decoder} testId={testId} />
    </section>
  );
}
