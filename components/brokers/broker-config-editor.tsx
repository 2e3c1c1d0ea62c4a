'use client';

import { useState } from 'react';
import type { BrokerConfigScope } from '@/lib/api/broker-configs';
import type { ConfigEntry } from '@/lib/api/common';
import { ApiError } from '@/lib/api/errors';
import { usePermission } from '@/lib/queries/auth';
import { useAlterBrokerConfigs } from '@/lib/queries/brokers';

/**
 * Changes one dynamic config of this broker, or the cluster-wide default: pick the config (only
 * those the broker can change at runtime), see its type, current value and documentation, then
 * validate (the broker checks without applying) before Apply is offered for that exact value.
 */
export function BrokerConfigEditor({ cluster, broker, configs }: { cluster: string; broker: number; configs: ConfigEntry[] }) {
  const permission = usePermission(cluster, 'cluster:edit');
  const editable = configs.filter((c) => !c.readOnly).sort((a, b) => (a.name < b.name ? -1 : 1));
  const [name, setName] = useState('');
  const [scope, setScope] = useState<BrokerConfigScope>('broker');
  const [value, setValue] = useState('');
  const [validated, setValidated] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const alter = useAlterBrokerConfigs(cluster, broker);
  const config = editable.find((c) => c.name === name);
  const key = `${scope}\u0000${name}\u0000${value}`;
  const pick = (next: string) => {
    setName(next);
    const c = editable.find((e) => e.name === next);
    setValue(c && !c.sensitive ? (c.value ?? '') : '');
    setValidated(null);
    setOutcome(null);
  };
  const fail = (e: Error) => {
    const fields = e instanceof ApiError ? e.fieldErrors : {};
    setOutcome({ tone: 'error', text: fields[`set.${name}`] ?? fields.reset ?? e.message });
  };
  const send = (body: { set?: Record<string, string>; reset?: string[]; validateOnly?: boolean }, done: string) =>
    alter.mutate({ scope, ...body }, {
      onSuccess: (r) => {
        setOutcome({ tone: 'ok', text: done });
        setValidated(r.validateOnly ? key : null);
      },
      onError: fail,
    });
  const where = scope === 'broker' ? `broker ${broker}` : 'every broker (cluster default)';
  const input = 'rounded border border-slate-300 px-2 py-1 text-sm';
  const button = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40';
  const disabled = !permission.allowed || alter.isPending;

  return (
    <div className="space-y-3 text-sm" data-testid="broker-config-editor">
      {!permission.allowed && permission.cause !== 'loading' && <p className="text-slate-600">{permission.reason}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <select value={name} onChange={(e) => pick(e.target.value)} className={`${input} w-80 font-mono`} data-testid="broker-config-name" aria-label="Config to change">
          <option value="">Choose a dynamic config ({editable.length})…</option>
          {editable.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
        </select>
        <select value={scope} onChange={(e) => { setScope(e.target.value as BrokerConfigScope); setValidated(null); setOutcome(null); }} className={input} data-testid="broker-config-scope" aria-label="Where the value applies">
          <option value="broker">This broker only</option>
          <option value="cluster-default">Every broker (cluster default)</option>
        </select>
      </div>
      {config && (
        <div className="space-y-2">
          <p className="text-slate-600" data-testid="broker-config-info">
            {config.type ?? 'type unknown'} · now {config.sensitive ? 'hidden (sensitive)' : <span className="font-mono">{config.value ?? 'unset'}</span>} · from {config.source}
            {config.documentation && <span className="block text-xs text-slate-500">{config.documentation}</span>}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <input value={value} onChange={(e) => { setValue(e.target.value); setOutcome(null); }} className={`${input} w-80 font-mono`} type={config.sensitive ? 'password' : 'text'} data-testid="broker-config-value" aria-label={`New value of ${config.name}`} />
            <button type="button" className={button} disabled={disabled} onClick={() => send({ set: { [name]: value }, validateOnly: true }, `The broker accepts ${name} = ${value} for ${where}; nothing changed yet.`)} data-testid="broker-config-validate">
              Validate
            </button>
            <button
              type="button"
              className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-40"
              disabled={disabled || validated !== key}
              title={validated !== key ? 'Validate this value first' : undefined}
              onClick={() => send({ set: { [name]: value } }, `Applied ${name} = ${value} on ${where}.`)}
              data-testid="broker-config-apply"
            >
              Apply
            </button>
            <button type="button" className={button} disabled={disabled} onClick={() => send({ reset: [name] }, `Removed the dynamic value of ${name} on ${where}; it falls back to the next layer.`)} data-testid="broker-config-reset">
              Reset
            </button>
          </div>
        </div>
      )}
      {outcome && (
        <p className={outcome.tone === 'ok' ? 'text-emerald-800' : 'text-red-700'} role={outcome.tone === 'error' ? 'alert' : undefined} data-testid="broker-config-outcome">
          {outcome.text}
        </p>
      )}
    </div>
  );
}
