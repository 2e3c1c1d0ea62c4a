'use client';

import { useState } from 'react';
import { ApiError } from '@/lib/api/errors';
import type { TopicAdminView } from '@/lib/api/topic-admin';
import { useAddPartitions } from '@/lib/queries/admin';
import { Field, FieldError, inputClass } from './field';

/** Raising the partition count, after saying what it does to keyed data. */
export function AddPartitions({ cluster, topic, disabled }: { cluster: string; topic: TopicAdminView; disabled: boolean }) {
  const current = topic.partitions.length;
  const [total, setTotal] = useState(String(current + 1));
  const [ack, setAck] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; text: string; field?: string } | null>(null);
  const add = useAddPartitions(cluster, topic.name);
  const n = /^\d+$/.test(total.trim()) ? Number(total) : Number.NaN;
  const localError = !Number.isInteger(n) ? 'Enter a whole number.' : n <= current ? `Must be more than ${current}: Kafka cannot remove partitions.` : null;
  const fieldError = localError ?? (outcome?.field === 'partitions' ? outcome.text : undefined);

  const send = (validateOnly: boolean) =>
    add.mutate(
      { partitions: n, validateOnly },
      {
        onSuccess: (r) => {
          setOutcome({ tone: 'ok', text: validateOnly ? `✓ The broker accepts ${n} partitions. Nothing has been changed yet.` : `✓ ${r.topic} now has ${r.after} partitions.` });
          if (!validateOnly) setAck(false);
        },
        onError: (e) => setOutcome({ tone: 'error', text: e.message, field: e instanceof ApiError && e.fieldErrors.partitions ? 'partitions' : undefined }),
      },
    );

  return (
    <div className="space-y-3" data-testid="add-partitions">
      <div className="flex flex-wrap items-end gap-4">
        <div className="w-48">
          <Field label={`New total (now ${current})`} htmlFor="new-partitions" field="partitions" error={total.trim() ? fieldError : undefined}>
            <input id="new-partitions" data-testid="partitions-total-input" inputMode="numeric" className={inputClass(Boolean(fieldError))} value={total} disabled={disabled} onChange={(e) => { setTotal(e.target.value); setOutcome(null); }} />
          </Field>
        </div>
        <div className="flex gap-2 pb-0.5">
          <button type="button" data-testid="partitions-validate-button" disabled={disabled || Boolean(localError) || add.isPending} onClick={() => send(true)} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50">
            Validate
          </button>
          <button type="button" data-testid="partitions-add-button" disabled={disabled || Boolean(localError) || !ack || add.isPending} onClick={() => send(false)} className="rounded bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-800 disabled:bg-slate-300 disabled:text-slate-600">
            {add.isPending ? 'Working…' : 'Add partitions'}
          </button>
        </div>
      </div>
      <div className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="partitions-warning">
        <p className="font-medium">Keyed records will map to different partitions.</p>
        <p>
          The default partitioner picks hash(key) mod partitions. After the change, new records for an existing key can land on another
          partition than its earlier records: per-key ordering no longer holds across the change, compacted topics keep an old value per key
          in the old partition, and stream joins that rely on co-partitioned topics break. Partitions cannot be removed afterwards.
        </p>
        <label className="mt-2 flex items-center gap-2 font-medium">
          <input type="checkbox" data-testid="partitions-ack" checked={ack} disabled={disabled} onChange={(e) => setAck(e.target.checked)} />
          I understand; keyed data may move to the new partitions.
        </label>
      </div>
      {outcome && outcome.field !== 'partitions' && (
        outcome.tone === 'ok'
          ? <p role="status" className="text-sm text-emerald-700" data-testid="partitions-result">{outcome.text}</p>
          : <FieldError field="partitions-form" message={outcome.text} />
      )}
    </div>
  );
}
