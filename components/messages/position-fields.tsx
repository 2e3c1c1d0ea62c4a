'use client';

import { useState } from 'react';
import { MAX_LIMIT, type StartMode } from '@/lib/api/messages';
import { defaultOrder, type MessagesParams } from './messages-params';
import { PartitionPicker } from './partition-picker';
import { DateTimeInput } from '@/components/ui/date-time-input';

const starts: { id: StartMode; label: string; hint: string }[] = [
  { id: 'latest', label: 'Newest', hint: 'The newest messages, read back from the end' },
  { id: 'earliest', label: 'Oldest', hint: 'From the start of the log' },
  { id: 'offset', label: 'Offset', hint: 'From an exact offset' },
  { id: 'time', label: 'Date-time', hint: 'From the first message at or after a time' },
];

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none';

/** Where to read: partitions, start point, order and how many. */
export function PositionFields({ draft, set, partitionCount, errors, showLimit = true }: {
  draft: MessagesParams;
  set: (patch: Partial<MessagesParams>) => void;
  partitionCount: number | undefined;
  errors: Record<string, string>;
  showLimit?: boolean;
}) {
  // Once the user picks an order, a new start point no longer changes it.
  const [orderChosen, setOrderChosen] = useState(false);
  return (
    <div className="flex flex-wrap items-end gap-x-5 gap-y-3">
      <Field label="Partitions" error={errors.partitions}>
        <PartitionPicker value={draft.partitions} onChange={(partitions) => set({ partitions })} partitionCount={partitionCount} />
      </Field>
      <Field label="Start" error={errors.offset ?? errors.time}>
        <div className="flex items-center gap-2">
          <div className="inline-flex overflow-hidden rounded border border-slate-300" role="radiogroup">
            {starts.map((s) => (
              <button
                key={s.id}
                type="button"
                role="radio"
                aria-checked={draft.start === s.id}
                title={s.hint}
                onClick={() => set(orderChosen ? { start: s.id } : { start: s.id, order: defaultOrder(s.id) })}
                data-testid={`start-${s.id}`}
                className={`border-r border-slate-300 px-2.5 py-1 text-sm last:border-0 ${draft.start === s.id ? 'bg-slate-800 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
              >
                {s.label}
              </button>
            ))}
          </div>
          {draft.start === 'offset' && (
            <input className={`${input} w-32 font-mono`} inputMode="numeric" value={draft.offset} onChange={(e) => set({ offset: e.target.value.trim() })} placeholder="offset" aria-label="Offset" data-testid="start-offset-input" />
          )}
          {draft.start === 'time' && (
            <DateTimeInput value={draft.time} onChange={(time) => set({ time })} label="Date-time" testId="start-time-input" />
          )}
        </div>
      </Field>
      <Field label="Order">
        <div className="flex items-center gap-2">
          <select
            className={input}
            value={draft.order}
            onChange={(e) => {
              setOrderChosen(true);
              set({ order: e.target.value as 'asc' | 'desc' });
            }}
            data-testid="order-select"
          >
            <option value="desc">Newest first</option>
            <option value="asc">Oldest first</option>
          </select>
          <span className="font-normal text-slate-500" data-testid="order-hint">{readsHow(draft)}</span>
        </div>
      </Field>
      {showLimit && (
        <Field label="Limit" error={errors.limit}>
          <input
            className={`${input} w-24 tabular-nums`}
            type="number"
            min={1}
            max={MAX_LIMIT}
            value={draft.limit}
            onChange={(e) => set({ limit: Math.max(1, Math.min(MAX_LIMIT, Number(e.target.value) || 1)) })}
            data-testid="limit-input"
          />
        </Field>
      )}
    </div>
  );
}

export function Field({ label, error, children, className = '' }: { label: string; error?: string; children: React.ReactNode; className?: string }) {
  return (
    <label className={`flex flex-col gap-1 text-xs font-medium text-slate-600 ${className}`}>
      {label}
      {children}
      {error && <span className="max-w-md font-normal text-red-700" role="alert">{error}</span>}
    </label>
  );
}

/** Which way the read goes from the chosen start, in words. */
function readsHow(d: MessagesParams): string {
  const forward = d.order === 'asc';
  if (d.start === 'latest') return forward ? 'the newest messages, oldest of them first' : 'reads back from the newest';
  if (d.start === 'earliest') return forward ? 'reads forward from the start of the log' : 'the oldest messages, newest of them first';
  const from = d.start === 'offset' ? `offset ${d.offset || '…'}` : 'that time';
  return forward ? `reads forward from ${from}` : `reads back from ${from}`;
}
