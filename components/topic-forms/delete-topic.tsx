'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useDeleteTopic } from '@/lib/queries/admin';
import { FieldError } from './field';

/** Deleting the topic: the name must be typed; the server checks the same. */
export function DeleteTopic({ cluster, topic, messages, disabled }: { cluster: string; topic: string; messages: number; disabled: boolean }) {
  const router = useRouter();
  const [typed, setTyped] = useState('');
  const del = useDeleteTopic(cluster, topic);
  const matches = typed === topic;
  return (
    <div className="space-y-2" data-testid="delete-topic">
      <p className="text-sm text-slate-700">
        Deletes the topic, its {messages.toLocaleString('en-US')} record{messages === 1 ? '' : 's'} and its configs, on every broker. Consumer
        group offsets for it stop meaning anything. This cannot be undone.
      </p>
      <label className="block text-xs text-slate-600" htmlFor="delete-confirm">
        Type <code className="rounded bg-red-100 px-1 font-semibold text-red-800">{topic}</code> to confirm
      </label>
      <div className="flex gap-2">
        <input id="delete-confirm" data-testid="delete-confirm-input" autoComplete="off" spellCheck={false} value={typed} disabled={disabled} onChange={(e) => setTyped(e.target.value)} className="w-80 rounded border border-red-300 px-2.5 py-1.5 font-mono text-sm disabled:bg-slate-100" />
        <button
          type="button"
          data-testid="delete-button"
          disabled={disabled || !matches || del.isPending}
          onClick={() => del.mutate({ confirm: typed }, { onSuccess: () => router.push(`/clusters/${encodeURIComponent(cluster)}/topics`) })}
          className="rounded bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-40"
        >
          {del.isPending ? 'Deleting…' : 'Delete topic'}
        </button>
      </div>
      {del.error && <FieldError field="confirm" message={del.error.message} />}
    </div>
  );
}
