'use client';

import { useState } from 'react';
import type { CompatibilityVerdict } from '@/lib/api/schemas';
import type { Permission } from '@/lib/queries/auth';
import { useCompatibilityCheck, useRegisterSchema } from '@/lib/queries/schemas';
import { prettySchema } from '@/lib/schemas/diff';
import type { SchemaType } from '@/lib/schemas/types';

/**
 * A new version, prefilled with the latest one. The registry's verdict comes first: Register is
 * enabled only once the text as it stands has been checked and found compatible.
 */
export function RegisterVersion({ cluster, subject, latest, schemaType, permission, onRegistered }: {
  cluster: string;
  subject: string;
  latest: string;
  schemaType: SchemaType;
  permission: Permission;
  onRegistered: (version: number) => void;
}) {
  const [text, setText] = useState(() => prettySchema(latest));
  const [verdict, setVerdict] = useState<{ text: string; result: CompatibilityVerdict } | undefined>();
  const check = useCompatibilityCheck(cluster, subject);
  const register = useRegisterSchema(cluster, subject);
  const checked = verdict?.text === text ? verdict.result : undefined;
  const canRegister = permission.allowed && checked !== undefined && (checked.compatible || checked.level === 'NONE') && !register.isPending;

  const runCheck = () => {
    register.reset();
    check.mutate({ schemaType, schema: text }, { onSuccess: (result) => setVerdict({ text, result }) });
  };
  const runRegister = () => register.mutate({ schemaType, schema: text }, { onSuccess: (r) => onRegistered(r.version) });

  return (
    <div className="space-y-2" data-testid="register-version">
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
        rows={14}
        data-testid="register-schema-text"
        aria-label="New schema"
        className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs focus:border-sky-500 focus:outline-none"
      />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={runCheck} disabled={check.isPending || !text.trim()} data-testid="check-compatibility" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50">
          {check.isPending ? 'Checking…' : 'Check compatibility'}
        </button>
        <button
          type="button"
          onClick={runRegister}
          disabled={!canRegister}
          title={!permission.allowed ? permission.reason : checked ? undefined : 'Check compatibility first'}
          data-testid="register-schema"
          className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
        >
          {register.isPending ? 'Registering…' : 'Register new version'}
        </button>
        {!permission.allowed && <span className="text-xs text-slate-500">{permission.reason}</span>}
      </div>
      {check.error && <p role="alert" className="text-sm text-red-700" data-testid="check-error">{check.error.message}</p>}
      {checked && (
        <div
          data-testid="compatibility-verdict"
          data-compatible={checked.compatible}
          className={`rounded border px-3 py-2 text-sm ${checked.compatible ? 'border-green-200 bg-green-50 text-green-900' : 'border-red-200 bg-red-50 text-red-900'}`}
        >
          <p className="font-semibold">{checked.compatible ? `Compatible (${checked.level})` : `Not ${checked.level} compatible with the latest version`}</p>
          {checked.messages.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {checked.messages.slice(0, 20).map((m) => <li key={m}>{m}</li>)}
            </ul>
          )}
        </div>
      )}
      {register.error && <p role="alert" className="text-sm text-red-700" data-testid="register-error">{register.error.message}</p>}
      {register.data && <p className="text-sm text-green-800" data-testid="register-done">Registered as version {register.data.version} (id {register.data.id}).</p>}
    </div>
  );
}
