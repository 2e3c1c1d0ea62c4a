'use client';

import { topicPresets, type TopicPreset } from '@/lib/topics/presets';

/** Starting points; choosing one fills the common settings (and partitions), which stay editable. */
export function PresetPicker({ selected, disabled, onPick }: { selected: string; disabled?: boolean; onPick: (preset: TopicPreset) => void }) {
  return (
    <div className="grid grid-cols-2 gap-2 xl:grid-cols-3" role="radiogroup" aria-label="Preset">
      {topicPresets.map((p) => (
        <button
          key={p.id}
          type="button"
          role="radio"
          aria-checked={selected === p.id}
          disabled={disabled}
          data-testid={`preset-${p.id}`}
          onClick={() => onPick(p)}
          className={`rounded-md border px-3 py-2 text-left text-sm transition-colors disabled:opacity-60 ${
            selected === p.id ? 'border-sky-500 bg-sky-50 ring-1 ring-sky-500' : 'border-slate-200 bg-white hover:border-slate-300 hover:bg-slate-50'
          }`}
        >
          <span className="block font-medium text-slate-800">{p.label}</span>
          <span className="mt-0.5 block text-xs text-slate-500">{p.description}</span>
        </button>
      ))}
    </div>
  );
}
