'use client';

import { Field } from './position-fields';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none';

/** The value: JSON (checked) or text, or a tombstone (null value) chosen on purpose. */
export function ProduceValueField({ value, format, tombstone, error, onValue, onFormat, onTombstone, onPrettify }: {
  value: string;
  format: 'text' | 'json';
  tombstone: boolean;
  error?: string;
  onValue: (v: string) => void;
  onFormat: (f: 'text' | 'json') => void;
  onTombstone: (t: boolean) => void;
  onPrettify: () => void;
}) {
  return (
    <Field label="Value">
      <div className="flex flex-wrap items-center gap-3 font-normal">
        {(['json', 'text'] as const).map((f) => (
          <label key={f} className="flex items-center gap-1 text-slate-600">
            <input type="radio" name="value-format" checked={format === f} disabled={tombstone} onChange={() => onFormat(f)} data-testid={`produce-format-${f}`} />
            {f === 'json' ? 'JSON (checked)' : 'Text'}
          </label>
        ))}
        {format === 'json' && !tombstone && (
          <button type="button" onClick={onPrettify} className="text-xs text-sky-700 hover:underline">Format</button>
        )}
        <label className="ml-auto flex items-center gap-1 text-slate-700">
          <input type="checkbox" checked={tombstone} onChange={(e) => onTombstone(e.target.checked)} data-testid="produce-tombstone" />
          send as tombstone (null value)
        </label>
      </div>
      <textarea
        className={`${input} h-40 w-full font-mono ${error ? 'border-red-400' : ''}`}
        value={tombstone ? '' : value}
        disabled={tombstone}
        onChange={(e) => onValue(e.target.value)}
        placeholder={tombstone ? 'null: compaction deletes this key' : format === 'json' ? '{"id": 1}' : 'text (empty = an empty string, 0 bytes)'}
        spellCheck={false}
        data-testid="produce-value"
      />
      {error && <span className="font-normal text-red-700" role="alert" data-testid="produce-error-value">{error}</span>}
    </Field>
  );
}
