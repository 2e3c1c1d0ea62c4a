'use client';

import { memo, useState } from 'react';
import { Bytes } from '@/components/ui/num';
import { EmptyRow, Table, THead, Th, Td } from '@/components/ui/table';
import type { Message } from '@/lib/api/messages';
import { MatchPreview } from './match-preview';
import type { MatchTerms } from './messages-params';
import { payloadPreview } from './payload-view';
import { schemaLabel } from './schema-badge';
import { Timestamp } from './timestamp';

// The result list: partition and offset first (how Kafka addresses a message), then time, key,
// value and headers in monospace. Long lists render in steps so 10,000 rows stay responsive.
// Search results show the part of the key and value around the term, with the term marked.

const STEP = 500;
/** Enough characters to fill the value column of a wide screen; CSS cuts what does not fit. */
const VALUE_CHARS = 400;
// Fewer characters than the key and value cells show even on a laptop screen: a match within them
// keeps the start, a later one is shown from just before it.
const KEY_FIT = 12;
const VALUE_FIT = 40;

export const messageId = (m: { partition: number; offset: number }) => `${m.partition}-${m.offset}`;

/** The selection with this message added, or removed when it was selected. */
export function toggledSelection(selection: ReadonlySet<string>, m: { partition: number; offset: number }): Set<string> {
  const next = new Set(selection);
  const id = messageId(m);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

export function MessageTable({ messages, decoder, terms, selected, onToggle, onToggleAll, onOpen, empty }: {
  messages: Message[];
  decoder: string;
  terms?: MatchTerms;
  selected?: Set<string>;
  onToggle?: (m: Message) => void;
  onToggleAll?: (all: boolean) => void;
  onOpen: (m: Message) => void;
  empty: string;
}) {
  const [visible, setVisible] = useState(STEP);
  const shown = messages.length > visible ? messages.slice(0, visible) : messages;
  const selectable = Boolean(selected && onToggle);
  const allSelected = selectable && messages.length > 0 && messages.every((m) => selected!.has(messageId(m)));
  return (
    <>
      <Table testId="message-table">
        <THead>
          {selectable && (
            <Th className="w-8">
              <input type="checkbox" aria-label="Select all" checked={allSelected} onChange={(e) => onToggleAll?.(e.target.checked)} data-testid="select-all" />
            </Th>
          )}
          <Th align="right" className="w-12">Part.</Th>
          <Th align="right" className="w-20">Offset</Th>
          <Th className="w-56" title="In the zone chosen in the sidebar; hover a time for ISO 8601 (UTC)">Timestamp</Th>
          <Th className="w-40">Key</Th>
          <Th>Value</Th>
          <Th align="right" className="w-16">Headers</Th>
          <Th align="right" className="w-20">Size</Th>
        </THead>
        <tbody>
          {shown.length === 0 && <EmptyRow colSpan={selectable ? 8 : 7} testId="messages-empty">{empty}</EmptyRow>}
          {shown.map((m) => (
            <Row key={messageId(m)} message={m} decoder={decoder} terms={terms} checked={selected?.has(messageId(m))} onToggle={onToggle} onOpen={onOpen} />
          ))}
        </tbody>
      </Table>
      {messages.length > visible && (
        <button type="button" onClick={() => setVisible(visible + STEP)} className="mt-2 text-sm text-sky-700 hover:underline" data-testid="show-more-rows">
          Show {Math.min(STEP, messages.length - visible)} more of {messages.length - visible} not shown
        </button>
      )}
    </>
  );
}

const Row = memo(function Row({ message: m, decoder, terms, checked, onToggle, onOpen }: {
  message: Message;
  decoder: string;
  terms?: MatchTerms;
  checked?: boolean;
  onToggle?: (m: Message) => void;
  onOpen: (m: Message) => void;
}) {
  const headerList = m.headers.map((h) => `${h.key}=${h.value === null ? 'null' : payloadPreview(h.value, decoder, 80)}`).join('\n');
  return (
    <tr
      className="cursor-pointer border-b border-slate-100 align-top last:border-0 hover:bg-sky-50/60 focus-visible:bg-sky-50/60"
      data-testid={`message-row-${messageId(m)}`}
      onClick={() => onOpen(m)}
      tabIndex={0}
      aria-label={`Message ${m.partition}:${m.offset}`}
      onKeyDown={(e) => {
        if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onOpen(m);
        }
      }}
    >
      {onToggle && (
        <td className="px-3 py-1.5" onClick={(e) => e.stopPropagation()}>
          <input type="checkbox" aria-label={`Select ${m.partition}:${m.offset}`} checked={Boolean(checked)} onChange={() => onToggle(m)} />
        </td>
      )}
      <Td align="right" className="font-mono text-xs">{m.partition}</Td>
      <Td align="right" className="font-mono text-xs">{m.offset}</Td>
      <Td><Timestamp ms={m.timestamp} type={m.timestampType} /></Td>
      <Td className="max-w-[12rem] truncate font-mono text-xs" title={m.key === null ? 'null key' : undefined}>
        {m.key === null ? <span className="italic text-slate-400">null</span> : m.key.size === 0 ? <Empty /> : <MatchPreview payload={m.key} decoder={decoder} term={terms?.key} max={60} fit={KEY_FIT} />}
      </Td>
      {/* max-w-0 lets the cell take the table's spare width and cut the rest with an ellipsis. */}
      <Td className="max-w-0 truncate font-mono text-xs text-slate-800" title={m.value?.schema ? schemaLabel(m.value.schema) : m.value?.schemaError}>
        {m.value === null ? <span className="italic text-slate-400">null (tombstone)</span> : m.value.size === 0 ? <Empty /> : <MatchPreview payload={m.value} decoder={decoder} term={terms?.value} max={VALUE_CHARS} fit={VALUE_FIT} />}
      </Td>
      <Td align="right" className="text-xs" title={headerList || undefined}>
        {m.headers.length > 0 ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600">{m.headers.length}</span> : <span className="text-slate-300">—</span>}
      </Td>
      <Td align="right" className="text-xs"><Bytes value={m.size} /></Td>
    </tr>
  );
});

function Empty() {
  return <span className="italic text-slate-400" title="A zero-length payload, not null">empty string</span>;
}
