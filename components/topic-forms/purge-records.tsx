'use client';

import { useState } from 'react';
import { ApiError } from '@/lib/api/errors';
import type { TopicAdminView } from '@/lib/api/topic-admin';
import { usePurgeRecords } from '@/lib/queries/admin';
import { FieldError, inputClass } from './field';

/** DeleteRecords: everything, or one partition up to an offset; says how many records go first. */
export function PurgeRecords({ cluster, topic, disabled }: { cluster: string; topic: TopicAdminView; disabled: boolean }) {
  const [scope, setScope] = useState<'all' | 'partitions'>('all');
  const [partition, setPartition] = useState(topic.partitions[0]?.partition ?? 0);
  const [offset, setOffset] = useState('');
  const [typed, setTyped] = useState('');
  const purge = usePurgeRecords(cluster, topic.name);
  const p = topic.partitions.find((x) => x.partition === partition);
  const total = topic.partitions.reduce((n, x) => n + Math.max(0, x.latest - x.earliest), 0);
  const target = /^\d+$/.test(offset.trim()) ? Number(offset) : Number.NaN;
  const offsetError =
    scope !== 'partitions' || offset.trim() === '' ? null
      : !Number.isInteger(target) ? 'Enter a whole offset.'
      : p && target > p.latest ? `Partition ${partition} ends at offset ${p.latest}.`
      : null;
  const count = scope === 'all' ? total : p && Number.isInteger(target) ? Math.max(0, Math.min(target, p.latest) - p.earliest) : 0;
  const ready = typed === topic.name && count > 0 && (scope === 'all' || (offset.trim() !== '' && !offsetError));
  const serverFields = purge.error instanceof ApiError ? purge.error.fieldErrors : {};

  const run = () =>
    purge.mutate(
      scope === 'all' ? { scope: 'all', confirm: typed } : { scope: 'partitions', confirm: typed, offsets: [{ partition, offset: target }] },
      { onSuccess: () => setTyped('') },
    );

  return (
    <div className="space-y-3" data-testid="purge-records">
      <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label="What to purge">
        <label className="flex items-center gap-1.5">
          <input type="radio" name="purge-scope" data-testid="purge-scope-all" checked={scope === 'all'} disabled={disabled} onChange={() => setScope('all')} />
          Everything ({total.toLocaleString('en-US')} record{total === 1 ? '' : 's'} in {topic.partitions.length} partition{topic.partitions.length === 1 ? '' : 's'})
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="purge-scope" data-testid="purge-scope-partitions" checked={scope === 'partitions'} disabled={disabled} onChange={() => setScope('partitions')} />
          One partition, up to an offset
        </label>
      </div>
      {scope === 'partitions' && (
        <div className="flex flex-wrap items-start gap-3">
          <select data-testid="purge-partition" aria-label="Partition" className={`${inputClass(false)} w-56`} value={partition} disabled={disabled} onChange={(e) => setPartition(Number(e.target.value))}>
            {topic.partitions.map((x) => (
              <option key={x.partition} value={x.partition}>Partition {x.partition} (offsets {x.earliest}–{x.latest})</option>
            ))}
          </select>
          <div className="space-y-1">
            <input data-testid="purge-offset" aria-label="Delete records before offset" placeholder={p ? `before offset (≤ ${p.latest})` : 'offset'} inputMode="numeric" className={`${inputClass(Boolean(offsetError))} w-56`} value={offset} disabled={disabled} onChange={(e) => setOffset(e.target.value)} />
            {offsetError && <FieldError field="offsets.0.offset" message={offsetError} />}
            {!offsetError && serverFields['offsets.0.offset'] && <FieldError field="offsets.0.offset" message={serverFields['offsets.0.offset']} />}
          </div>
        </div>
      )}
      <p className="text-sm text-slate-700" data-testid="purge-summary">
        {count === 0 && scope === 'all' ? 'Nothing to purge: the topic holds no records. ' : ''}Deletes <strong>{count.toLocaleString('en-US')}</strong> record{count === 1 ? '' : 's'} for good; the topic and its configs stay. Consumers
        positioned before the new start jump to it.
      </p>
      <label className="block text-xs text-slate-600" htmlFor="purge-confirm">
        Type <code className="rounded bg-red-100 px-1 font-semibold text-red-800">{topic.name}</code> to confirm
      </label>
      <div className="flex gap-2">
        <input id="purge-confirm" data-testid="purge-confirm-input" autoComplete="off" spellCheck={false} value={typed} disabled={disabled} onChange={(e) => setTyped(e.target.value)} className="w-80 rounded border border-red-300 px-2.5 py-1.5 font-mono text-sm disabled:bg-slate-100" />
        <button type="button" data-testid="purge-button" disabled={disabled || !ready || purge.isPending} onClick={run} className="rounded bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-40">
          {purge.isPending ? 'Purging…' : 'Purge records'}
        </button>
      </div>
      {purge.error && !serverFields['offsets.0.offset'] && <FieldError field="purge" message={purge.error.message} />}
      {purge.data && (
        <p role="status" className="text-sm text-emerald-700" data-testid="purge-result">
          ✓ Deleted {purge.data.deleted.toLocaleString('en-US')} record{purge.data.deleted === 1 ? '' : 's'} from {purge.data.partitions.length} partition{purge.data.partitions.length === 1 ? '' : 's'}.
        </p>
      )}
    </div>
  );
}
