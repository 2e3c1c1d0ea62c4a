'use client';

import { useState } from 'react';
import { ConfigSourceBadge } from '@/components/ui/config-source';
import type { TopicConfigView } from '@/lib/api/topic-admin';
import type { ConfigOp } from '@/lib/topics/config-diff';
import { topicConfigInfo } from '@/lib/topics/config-catalog';
import { readableValue } from '@/lib/topics/readable';
import { FieldError, inputClass } from './field';

/** One config: its value in effect (and what that means), where it comes from, edit and reset. */
export function ConfigRow({ config, pending, error, disabled, onStage, check }: {
  config: TopicConfigView;
  pending?: ConfigOp;
  error?: string;
  disabled: boolean;
  onStage: (op: ConfigOp) => void;
  check: (name: string, value: string) => string | null;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const readable = readableValue(config.name, config.value);
  const locked = disabled || config.readOnly;
  const stage = () => {
    if (editing === null) return;
    const why = check(config.name, editing);
    setProblem(why);
    if (why) return;
    onStage({ name: config.name, op: 'set', value: editing.trim() });
    setEditing(null);
  };

  return (
    <tr className={`border-b border-slate-100 align-top last:border-0 ${pending ? 'bg-sky-50/60' : 'hover:bg-slate-50'}`} data-testid={`config-row-${config.name}`}>
      <td className="px-3 py-2 font-mono text-xs text-slate-800" title={topicConfigInfo.get(config.name)?.doc}>{config.name}</td>
      <td className="px-3 py-2">
        {editing === null ? (
          <div className="font-mono text-xs" data-testid={`config-value-${config.name}`}>
            {config.sensitive ? <span className="text-slate-400">hidden (sensitive)</span> : (config.value ?? <span className="text-slate-400">null</span>)}
            {readable && <span className="ml-2 font-sans text-slate-500">({readable})</span>}
            {pending && (
              <p className="mt-0.5 font-sans text-sky-800" data-testid={`config-pending-${config.name}`}>
                {pending.op === 'delete'
                  ? `pending reset → ${readableValue(config.name, config.defaultValue) ?? config.defaultValue ?? 'default'}`
                  : `pending → ${pending.value}${readableValue(config.name, pending.value) ? ` (${readableValue(config.name, pending.value)})` : ''}`}
              </p>
            )}
          </div>
        ) : (
          <div className="space-y-1">
            <div className="flex gap-1.5">
              <input
                autoFocus
                data-testid={`config-input-${config.name}`}
                className={`${inputClass(Boolean(problem))} font-mono text-xs`}
                value={editing}
                onChange={(e) => setEditing(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') stage();
                  if (e.key === 'Escape') setEditing(null);
                }}
              />
              <button type="button" data-testid={`config-stage-${config.name}`} onClick={stage} className="rounded bg-slate-800 px-2 text-xs font-medium text-white hover:bg-slate-700">
                Stage
              </button>
              <button type="button" onClick={() => { setEditing(null); setProblem(null); }} className="rounded border border-slate-300 px-2 text-xs text-slate-600 hover:bg-slate-50">
                Cancel
              </button>
            </div>
            {readableValue(config.name, editing.trim()) && <p className="text-xs text-slate-500">= {readableValue(config.name, editing.trim())}</p>}
            {problem && <FieldError field={`configs.${config.name}`} message={problem} />}
          </div>
        )}
        {error && editing === null && <FieldError field={`configs.${config.name}`} message={error} />}
      </td>
      <td className="px-3 py-2 text-xs">
        <ConfigSourceBadge source={config.override ? 'dynamic-topic' : config.source} />
        {config.override && config.defaultValue !== null && (
          <p className="mt-0.5 text-slate-500" title="The value after a reset">default {readableValue(config.name, config.defaultValue) ?? config.defaultValue}</p>
        )}
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-right">
        {config.readOnly ? (
          <span className="text-xs text-slate-400">read-only</span>
        ) : (
          editing === null && (
            <span className="inline-flex gap-1">
              <button
                type="button"
                disabled={locked}
                data-testid={`config-edit-${config.name}`}
                onClick={() => { setEditing(pending?.op === 'set' ? pending.value : (config.value ?? '')); setProblem(null); }}
                className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-40"
              >
                Edit
              </button>
              {config.override && (
                <button
                  type="button"
                  disabled={locked}
                  data-testid={`config-reset-${config.name}`}
                  onClick={() => onStage({ name: config.name, op: 'delete' })}
                  title={`Remove the override: back to ${config.defaultValue ?? 'the cluster default'}`}
                  className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-40"
                >
                  Reset
                </button>
              )}
            </span>
          )
        )}
      </td>
    </tr>
  );
}
