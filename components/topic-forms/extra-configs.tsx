'use client';

import { COMMON_NAMES, type ExtraConfig } from '@/lib/topics/create-form';
import { suggestConfigName, topicConfigInfo } from '@/lib/topics/config-catalog';
import { FieldError, FieldWarning, inputClass } from './field';

/** Free key/value configs, offered from the names the cluster reports and checked against them. */
export function ExtraConfigs({ rows, known, errors, disabled, onChange }: {
  rows: ExtraConfig[];
  known: { name: string; defaultValue: string | null }[];
  /** By API field: configs.<name> or extra.<row id>. */
  errors: Record<string, string>;
  disabled?: boolean;
  onChange: (rows: ExtraConfig[]) => void;
}) {
  const offered = known.filter((k) => !COMMON_NAMES.has(k.name));
  const update = (id: number, patch: Partial<ExtraConfig>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, { id: Math.max(0, ...rows.map((r) => r.id)) + 1, key: '', value: '' }]);

  return (
    <div className="space-y-2" data-testid="extra-configs">
      <datalist id="topic-config-names">
        {offered.map((k) => (
          <option key={k.name} value={k.name} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="text-sm text-slate-500">No other configs: everything else follows the cluster defaults.</p>}
      {rows.map((row, i) => {
        const key = row.key.trim();
        const field = key ? `configs.${key}` : `extra.${row.id}`;
        const error = errors[field] ?? errors[`extra.${row.id}`];
        const info = topicConfigInfo.get(key);
        const fallback = known.find((k) => k.name === key)?.defaultValue;
        const suggestion = error && key && !known.some((k) => k.name === key) ? suggestConfigName(key, offered.map((k) => k.name)) : undefined;
        return (
          <div key={row.id} className="space-y-1" data-testid={`extra-config-${i}`}>
            <div className="flex gap-2">
              <input
                aria-label="Config name"
                list="topic-config-names"
                data-testid={`extra-config-key-${i}`}
                className={`${inputClass(Boolean(error))} font-mono`}
                placeholder="config name, e.g. segment.ms"
                value={row.key}
                disabled={disabled}
                onChange={(e) => update(row.id, { key: e.target.value })}
              />
              <input
                aria-label="Config value"
                data-testid={`extra-config-value-${i}`}
                className={`${inputClass(Boolean(error))} font-mono`}
                placeholder={fallback != null ? `default: ${fallback}` : 'value'}
                value={row.value}
                disabled={disabled}
                onChange={(e) => update(row.id, { value: e.target.value })}
              />
              <button
                type="button"
                aria-label={`Remove ${key || 'config'}`}
                data-testid={`extra-config-remove-${i}`}
                disabled={disabled}
                onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                className="rounded border border-slate-300 bg-white px-2 text-slate-500 hover:bg-slate-50 hover:text-slate-800 disabled:opacity-50"
              >
                ✕
              </button>
            </div>
            {error ? <FieldError field={field} message={error} /> : info && <p className="text-xs text-slate-500">{info.doc}</p>}
            {suggestion && (
              <button type="button" data-testid={`extra-config-suggest-${i}`} disabled={disabled} onClick={() => update(row.id, { key: suggestion })} className="text-xs font-medium text-sky-700 hover:underline">
                Use {suggestion}
              </button>
            )}
            {!error && key === 'unclean.leader.election.enable' && row.value.trim() === 'true' && (
              <FieldWarning field={field} message="An out-of-sync replica may become leader: acknowledged records can be lost." />
            )}
          </div>
        );
      })}
      <button
        type="button"
        data-testid="add-config"
        disabled={disabled}
        onClick={add}
        className="rounded border border-dashed border-slate-300 px-3 py-1.5 text-sm text-slate-600 hover:border-slate-400 hover:bg-slate-50 disabled:opacity-50"
      >
        + Add config
      </button>
    </div>
  );
}
