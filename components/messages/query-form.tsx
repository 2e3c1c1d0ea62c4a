'use client';

import { useState } from 'react';
import { hasTerms, type MessagesMode, type MessagesParams } from './messages-params';
import { PositionFields } from './position-fields';
import { localSearchErrors, SearchFields } from './search-fields';

/** Edits a draft of the page's parameters; submitting puts them in the URL, which runs the read. */
export function QueryForm({ mode, params, partitionCount, serverErrors, onSubmit }: {
  mode: MessagesMode;
  params: MessagesParams;
  partitionCount: number | undefined;
  serverErrors: Record<string, string>;
  onSubmit: (next: MessagesParams) => void;
}) {
  const [draft, setDraft] = useState(params);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<MessagesParams>) => setDraft((d) => ({ ...d, ...patch }));
  const errors = { ...serverErrors, ...localErrors };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const e = mode === 'browse' ? {} : localSearchErrors(draft);
    if (draft.start === 'offset' && !/^\d+$/.test(draft.offset)) e.offset = 'Enter an offset (a whole number)';
    if (draft.start === 'time' && !draft.time) e.time = 'Choose a date and time';
    setLocalErrors(e);
    if (Object.keys(e).length === 0) onSubmit({ ...draft, mode, cursor: '' });
  };

  const label = mode === 'browse' ? 'Read' : mode === 'search' ? 'Search' : 'Apply';
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="query-form" noValidate>
      {mode !== 'tail' && <PositionFields draft={draft} set={set} partitionCount={partitionCount} errors={errors} />}
      {mode !== 'browse' && <SearchFields draft={draft} set={set} errors={errors} scanCap={mode === 'search'} />}
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800" data-testid="query-submit">
          {label}
        </button>
        {mode === 'search' && !hasTerms(draft) && <span className="text-xs text-slate-500">No terms: every message matches.</span>}
        {mode === 'tail' && <span className="text-xs text-slate-500">Terms apply to new messages as they arrive.</span>}
      </div>
    </form>
  );
}
