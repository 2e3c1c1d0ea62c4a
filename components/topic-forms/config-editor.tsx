'use client';

import { useMemo, useState } from 'react';
import { ApiError } from '@/lib/api/errors';
import type { TopicAdminView } from '@/lib/api/topic-admin';
import { usePatchConfigs } from '@/lib/queries/admin';
import { configValueError } from '@/lib/topics/config-catalog';
import { describeChanges, mergeOps, type ConfigOp } from '@/lib/topics/config-diff';
import { AddOverride } from './add-override';
import { ConfigRow } from './config-row';
import { PendingChanges } from './pending-changes';

/**
 * Topic configs with staged edits: set or reset several, review them as before → after, ask the
 * broker (validateOnly), then apply them in one IncrementalAlterConfigs request.
 */
export function ConfigEditor({ cluster, topic, disabled }: { cluster: string; topic: TopicAdminView; disabled: boolean }) {
  const [ops, setOps] = useState<ConfigOp[]>([]);
  const [filter, setFilter] = useState('');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<'validate' | 'apply' | null>(null);
  const patch = usePatchConfigs(cluster, topic.name);

  const configs = topic.configs;
  const overrides = useMemo(() => Object.fromEntries(configs.filter((c) => c.override && c.value !== null).map((c) => [c.name, c.value!])), [configs]);
  const effective = Object.fromEntries(configs.map((c) => [c.name, c.value]));
  const defaults = Object.fromEntries(configs.map((c) => [c.name, c.defaultValue]));
  const changes = describeChanges(ops, effective, overrides, defaults);
  const byName = new Map(ops.map((o) => [o.name, o]));
  const shown = configs
    .filter((c) => (!onlyOverrides || c.override || byName.has(c.name)) && c.name.includes(filter.trim().toLowerCase()))
    .sort((a, b) => Number(b.override) - Number(a.override) || a.name.localeCompare(b.name));

  const check = (name: string, value: string) => {
    const problem = configValueError(name, value);
    if (problem) return problem;
    if (name === 'min.insync.replicas' && Number(value) > topic.replicationFactor) {
      return `Larger than the replication factor (${topic.replicationFactor}): producers using acks=all could never write.`;
    }
    return null;
  };
  const stage = (op: ConfigOp) => {
    setOps((current) => mergeOps(current, op));
    setErrors({});
    setMessage(null);
  };
  const send = (validateOnly: boolean) => {
    // Only what changes something is sent: a reset of a default or a set to the same value is dropped.
    const real = ops.filter((o) => changes.some((c) => c.name === o.name));
    const set = Object.fromEntries(real.flatMap((o) => (o.op === 'set' ? [[o.name, o.value]] : [])));
    const reset = real.flatMap((o) => (o.op === 'delete' ? [o.name] : []));
    setBusy(validateOnly ? 'validate' : 'apply');
    patch.mutate(
      { set, reset, validateOnly },
      {
        onSuccess: () => {
          setErrors({});
          if (validateOnly) setMessage({ tone: 'ok', text: '✓ The broker accepts these changes. Nothing has been changed yet.' });
          else {
            setOps([]);
            setMessage({ tone: 'ok', text: `✓ Applied ${changes.length} change${changes.length === 1 ? '' : 's'}.` });
          }
        },
        onError: (error) => {
          setErrors(error instanceof ApiError ? error.fieldErrors : {});
          setMessage({ tone: 'error', text: `${error.message} Nothing was changed.` });
        },
        onSettled: () => setBusy(null),
      },
    );
  };

  return (
    <div className="space-y-3" data-testid="config-editor">
      <PendingChanges
        changes={changes}
        errors={errors}
        busy={busy}
        disabled={disabled}
        message={message}
        onRemove={(name) => setOps((current) => current.filter((o) => o.name !== name))}
        onValidate={() => send(true)}
        onApply={() => send(false)}
        onDiscard={() => { setOps([]); setErrors({}); setMessage(null); }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <input data-testid="config-filter" placeholder="Filter configs" value={filter} onChange={(e) => setFilter(e.target.value)} className="w-60 rounded border border-slate-300 px-2.5 py-1.5 text-sm" />
        <label className="flex items-center gap-1.5 text-sm text-slate-600">
          <input type="checkbox" checked={onlyOverrides} onChange={(e) => setOnlyOverrides(e.target.checked)} data-testid="config-only-overrides" />
          Only overrides ({Object.keys(overrides).length})
        </label>
        <AddOverride configs={configs} disabled={disabled} check={check} onStage={stage} />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="config-table">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr className="border-b border-slate-200">
              <th className="px-3 py-2 text-left font-medium">Config</th>
              <th className="px-3 py-2 text-left font-medium">Value in effect</th>
              <th className="px-3 py-2 text-left font-medium">Source</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <ConfigRow key={c.name} config={c} pending={byName.get(c.name)} error={errors[`configs.${c.name}`]} disabled={disabled} onStage={stage} check={check} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
