'use client';

export interface HeaderDraft {
  key: string;
  value: string;
  /** A header with a null value (distinct from an empty string). */
  isNull: boolean;
}

const input = 'rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm focus:border-sky-500 focus:outline-none';

/** Header rows: name, value (or null), remove; and a button to add one. */
export function HeadersEditor({ headers, onChange, errors }: { headers: HeaderDraft[]; onChange: (h: HeaderDraft[]) => void; errors: Record<string, string> }) {
  const update = (i: number, patch: Partial<HeaderDraft>) => onChange(headers.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <div className="space-y-1.5">
      {headers.map((h, i) => (
        <div key={i} className="flex flex-wrap items-start gap-1.5">
          <div className="flex flex-col">
            <input className={`${input} w-44 ${errors[`headers.${i}.key`] ? 'border-red-400' : ''}`} value={h.key} onChange={(e) => update(i, { key: e.target.value })} placeholder="name" aria-label={`Header ${i + 1} name`} data-testid={`produce-header-key-${i}`} />
            {errors[`headers.${i}.key`] && <span className="text-xs text-red-700" role="alert" data-testid={`produce-error-headers.${i}.key`}>{errors[`headers.${i}.key`]}</span>}
          </div>
          <input className={`${input} min-w-0 flex-1`} value={h.isNull ? '' : h.value} disabled={h.isNull} onChange={(e) => update(i, { value: e.target.value })} placeholder={h.isNull ? 'null' : 'value'} aria-label={`Header ${i + 1} value`} data-testid={`produce-header-value-${i}`} />
          <label className="flex items-center gap-1 self-center text-xs text-slate-500">
            <input type="checkbox" checked={h.isNull} onChange={(e) => update(i, { isNull: e.target.checked })} />
            null
          </label>
          <button type="button" onClick={() => onChange(headers.filter((_, j) => j !== i))} className="self-center rounded px-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700" aria-label={`Remove header ${i + 1}`}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...headers, { key: '', value: '', isNull: false }])} className="text-xs font-medium text-sky-700 hover:underline" data-testid="produce-add-header">
        + Add header
      </button>
    </div>
  );
}
