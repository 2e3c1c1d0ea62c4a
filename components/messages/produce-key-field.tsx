'use client';

import { Field } from './position-fields';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none';

/** The key: text, or null. An empty box is an empty-string key, and the hint says so. */
export function ProduceKeyField({ value, isNull, onValue, onNull }: { value: string; isNull: boolean; onValue: (v: string) => void; onNull: (n: boolean) => void }) {
  return (
    <Field label="Key">
      <div className="flex flex-wrap items-center gap-2">
        <input className={`${input} w-96 font-mono`} value={isNull ? '' : value} disabled={isNull} onChange={(e) => onValue(e.target.value)} placeholder={isNull ? 'null' : 'key text'} data-testid="produce-key" />
        <label className="flex items-center gap-1 font-normal text-slate-600">
          <input type="checkbox" checked={isNull} onChange={(e) => onNull(e.target.checked)} data-testid="produce-key-null" />
          null key
        </label>
      </div>
    </Field>
  );
}
