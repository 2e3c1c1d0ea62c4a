'use client';

import { useEffect, useState } from 'react';
import { DateTimeInput } from '@/components/ui/date-time-input';
import type { AuditFilters as Filters } from '@/lib/queries/audit';

const actions = [
  'topic.create',
  'topic.create.validate',
  'topic.configs',
  'topic.partitions',
  'topic.records.purge',
  'topic.delete',
  'group',
  'produce',
  'replay',
];

/** Filters of the audit page; text inputs apply after a short pause so typing does not flood the server. */
export function AuditFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [pushed, setPushed] = useState(() => JSON.stringify(value));
  // The URL changed by itself (back button, a link): show what it says. Changes this component
  // pushed are not adopted back, so typing on during the round trip is never undone.
  if (JSON.stringify(value) !== JSON.stringify(seen)) {
    setSeen(value);
    if (JSON.stringify(value) !== pushed) setDraft(value);
  }
  useEffect(() => {
    const t = setTimeout(() => {
      const next = JSON.stringify(draft);
      if (next !== JSON.stringify(value)) {
        setPushed(next);
        onChange(draft);
      }
    }, 300);
    return () => clearTimeout(t);
  }, [draft, value, onChange]);
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));
  const input = 'w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

  return (
    <div className="grid grid-cols-2 items-end gap-x-3 gap-y-2 md:grid-cols-4" data-testid="audit-filters">
      <Labelled label="Search">
        <input data-testid="audit-filter-q" data-search title="Press / to search" className={input} placeholder="any text" value={draft.q ?? ''} onChange={(e) => set({ q: e.target.value })} />
      </Labelled>
      <Labelled label="Action">
        <input data-testid="audit-filter-action" list="audit-actions" className={input} placeholder="e.g. topic.delete" value={draft.action ?? ''} onChange={(e) => set({ action: e.target.value })} />
        <datalist id="audit-actions">{actions.map((a) => <option key={a} value={a} />)}</datalist>
      </Labelled>
      <Labelled label="Target">
        <input data-testid="audit-filter-target" className={input} placeholder="topic or group" value={draft.target ?? ''} onChange={(e) => set({ target: e.target.value })} />
      </Labelled>
      <Labelled label="Outcome">
        <select data-testid="audit-filter-outcome" className={input} value={draft.outcome ?? ''} onChange={(e) => set({ outcome: e.target.value || undefined })}>
          <option value="">any</option>
          <option value="success">success</option>
          <option value="failure">failure</option>
          <option value="refused">refused</option>
        </select>
      </Labelled>
      <Labelled label="User / address">
        <input data-testid="audit-filter-user" className={input} value={draft.user ?? ''} onChange={(e) => set({ user: e.target.value })} />
      </Labelled>
      <Labelled label="From">
        <DateTimeInput testId="audit-filter-from" label="From" className="w-full" value={draft.from ?? ''} onChange={(from) => set({ from: from || undefined })} />
      </Labelled>
      <Labelled label="To">
        <DateTimeInput testId="audit-filter-to" label="To" className="w-full" value={draft.to ?? ''} onChange={(to) => set({ to: to || undefined })} />
      </Labelled>
      <button type="button" data-testid="audit-filter-clear" className="justify-self-start px-2 py-1.5 text-sm text-sky-700 hover:underline" onClick={() => setDraft({})}>
        Clear
      </button>
    </div>
  );
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex min-w-0 flex-col gap-0.5 text-xs text-slate-500">
      {label}
      {children}
    </label>
  );
}
