'use client';

import { AUTO, decoders } from '@/lib/messages/decoders';

/** "Auto" or one of the registered decoders. */
export function DecoderSelect({ value, onChange, testId, label = 'Show as' }: { value: string; onChange: (id: string) => void; testId?: string; label?: string }) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-600">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs">
        <option value={AUTO}>Auto</option>
        {decoders.list().map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
}
