'use client';

import { MAX_SCAN_CAP, type MatchMode } from '@/lib/api/messages';
import { FilterError, parseFilter, parseRegex } from '@/lib/messages/filter';
import type { MessagesParams } from './messages-params';
import { Field } from './position-fields';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none';

/** What the browser can check before asking the server (the server checks again). */
export function localSearchErrors(p: MessagesParams): Record<string, string> {
  const errors: Record<string, string> = {};
  const regex = (field: string, text: string, mode: MatchMode) => {
    if (mode !== 'regex' || !text) return;
    try {
      parseRegex(text, p.ignoreCase ? 'i' : '');
    } catch (e) {
      errors[field] = (e as Error).message;
    }
  };
  regex('key', p.key, p.keyMode);
  regex('value', p.value, p.valueMode);
  regex('headerValue', p.headerValue, p.headerMode);
  if (p.filter.trim()) {
    try {
      parseFilter(p.filter);
    } catch (e) {
      errors.filter = e instanceof FilterError ? e.message : String(e);
    }
  }
  return errors;
}

/** Key, value and header terms, the filter expression, and the scan cap. */
export function SearchFields({ draft, set, errors, scanCap = true }: {
  draft: MessagesParams;
  set: (patch: Partial<MessagesParams>) => void;
  errors: Record<string, string>;
  /** Live tail reads only new messages: no cap to set. */
  scanCap?: boolean;
}) {
  return (
    <div className="space-y-3">
      <div className="grid gap-3 md:grid-cols-3">
        <Term label="Key" text={draft.key} mode={draft.keyMode} error={errors.key} onText={(key) => set({ key })} onMode={(keyMode) => set({ keyMode })} testId="search-key" />
        <Term label="Value" search text={draft.value} mode={draft.valueMode} error={errors.value} onText={(value) => set({ value })} onMode={(valueMode) => set({ valueMode })} testId="search-value" />
        <Field label="Header" error={errors.header ?? errors.headerValue}>
          <div className="flex gap-1">
            <input className={`${input} w-28 font-mono`} value={draft.header} onChange={(e) => set({ header: e.target.value })} placeholder="name" data-testid="search-header" />
            <ModeSelect value={draft.headerMode} onChange={(headerMode) => set({ headerMode })} testId="search-header-mode" />
            <input className={`${input} min-w-0 flex-1 font-mono`} value={draft.headerValue} onChange={(e) => set({ headerValue: e.target.value })} placeholder="value" data-testid="search-header-value" />
          </div>
        </Field>
      </div>
      <Field label="Filter expression" error={errors.filter}>
        <input
          className={`${input} w-full font-mono ${errors.filter ? 'border-red-400' : ''}`}
          value={draft.filter}
          onChange={(e) => set({ filter: e.target.value })}
          placeholder={'value.amount > 100 && value.status == "PAID"   ·   key ~ /^user-/   ·   headers["trace-id"] == "x"'}
          spellCheck={false}
          data-testid="search-filter"
        />
        <span className="font-normal text-slate-500">
          Names: <code>key</code>, <code>value</code> (parsed JSON), <code>headers[&quot;name&quot;]</code>, <code>partition</code>, <code>offset</code>, <code>timestamp</code>, <code>size</code>. Operators: <code>== != &lt; &lt;= &gt; &gt;= &amp;&amp; || ! ~ contains startsWith endsWith in</code>. Functions: <code>len lower upper trim number string exists date(&quot;2024-05-01T00:00:00Z&quot;)</code>.
        </span>
      </Field>
      <div className="flex flex-wrap items-end gap-5">
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" checked={draft.ignoreCase} onChange={(e) => set({ ignoreCase: e.target.checked })} data-testid="search-ignore-case" />
          Ignore case
        </label>
        {scanCap && <Field label="Scan at most (offsets)" error={errors.scanCap}>
          <input
            className={`${input} w-36 tabular-nums`}
            type="number"
            min={1}
            max={MAX_SCAN_CAP}
            value={draft.scanCap}
            onChange={(e) => set({ scanCap: Math.max(1, Math.min(MAX_SCAN_CAP, Number(e.target.value) || 1)) })}
            data-testid="scan-cap-input"
          />
        </Field>}
        <p className="text-xs text-slate-500">Regexes run on the first 64 KiB of each key or value; backreferences and lookaround are not supported.</p>
      </div>
    </div>
  );
}

function Term({ label, search, text, mode, error, onText, onMode, testId }: {
  label: string;
  /** The field "/" focuses. */
  search?: boolean;
  text: string;
  mode: MatchMode;
  error?: string;
  onText: (v: string) => void;
  onMode: (m: MatchMode) => void;
  testId: string;
}) {
  return (
    <Field label={label} error={error}>
      <div className="flex gap-1">
        <ModeSelect value={mode} onChange={onMode} testId={`${testId}-mode`} />
        <input className={`${input} min-w-0 flex-1 font-mono ${error ? 'border-red-400' : ''}`} value={text} onChange={(e) => onText(e.target.value)} data-testid={testId} data-search={search || undefined} spellCheck={false} />
      </div>
    </Field>
  );
}

function ModeSelect({ value, onChange, testId }: { value: MatchMode; onChange: (m: MatchMode) => void; testId: string }) {
  return (
    <select className={`${input} px-1`} value={value} onChange={(e) => onChange(e.target.value as MatchMode)} data-testid={testId} aria-label="Match">
      <option value="contains">contains</option>
      <option value="equals">equals</option>
      <option value="regex">regex</option>
    </select>
  );
}
