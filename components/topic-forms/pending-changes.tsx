'use client';

import type { ConfigChange } from '@/lib/topics/config-diff';
import { readableValue } from '@/lib/topics/readable';
import { FieldError } from './field';

/** The staged config changes as before → after, reviewed before anything is sent. */
export function PendingChanges({ changes, errors, busy, disabled, message, onRemove, onValidate, onApply, onDiscard }: {
  changes: ConfigChange[];
  errors: Record<string, string>;
  busy: 'validate' | 'apply' | null;
  disabled: boolean;
  message: { tone: 'ok' | 'error'; text: string } | null;
  onRemove: (name: string) => void;
  onValidate: () => void;
  onApply: () => void;
  onDiscard: () => void;
}) {
  if (changes.length === 0 && !message) return null;
  const show = (name: string, v: string | null) => (v === null ? 'default' : `${v}${readableValue(name, v) ? ` (${readableValue(name, v)})` : ''}`);
  return (
    <div className="space-y-2 rounded-md border border-sky-200 bg-sky-50/70 p-3" data-testid="pending-changes">
      {changes.length > 0 && (
        <>
          <p className="text-sm font-medium text-slate-800">{changes.length} pending change{changes.length === 1 ? '' : 's'} — nothing is sent until you apply</p>
          <ul className="space-y-1 text-xs">
            {changes.map((c) => (
              <li key={c.name} data-testid={`pending-change-${c.name}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-1 py-0.5 text-[10px] font-semibold uppercase ${c.kind === 'reset' ? 'bg-amber-100 text-amber-800' : 'bg-sky-100 text-sky-800'}`}>{c.kind}</span>
                  <code className="text-slate-800">{c.name}</code>
                  <span className="font-mono text-slate-500 line-through decoration-slate-300">{show(c.name, c.before)}</span>
                  <span aria-hidden>→</span>
                  <span className="font-mono text-slate-900">{show(c.name, c.after)}</span>
                  <button type="button" data-testid={`pending-remove-${c.name}`} onClick={() => onRemove(c.name)} className="text-slate-500 hover:text-slate-800" aria-label={`Drop the change to ${c.name}`}>
                    ✕
                  </button>
                </div>
                {errors[`configs.${c.name}`] && <FieldError field={`configs.${c.name}`} message={errors[`configs.${c.name}`]} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} data-testid="configs-result" data-tone={message.tone} className={`text-xs ${message.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
          {message.text}
        </p>
      )}
      {changes.length > 0 && (
        <div className="flex gap-2">
          <button type="button" data-testid="configs-validate-button" disabled={disabled || busy !== null} onClick={onValidate} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium hover:bg-slate-50 disabled:opacity-50">
            {busy === 'validate' ? 'Asking the broker…' : 'Validate'}
          </button>
          <button type="button" data-testid="configs-apply-button" disabled={disabled || busy !== null} onClick={onApply} className="rounded bg-sky-700 px-3 py-1.5 text-xs font-semibold text-white hover:bg-sky-800 disabled:bg-slate-300 disabled:text-slate-600">
            {busy === 'apply' ? 'Applying…' : `Apply ${changes.length} change${changes.length === 1 ? '' : 's'}`}
          </button>
          <button type="button" data-testid="configs-discard-button" disabled={busy !== null} onClick={onDiscard} className="px-2 text-xs text-slate-600 hover:text-slate-900">
            Discard
          </button>
        </div>
      )}
    </div>
  );
}
