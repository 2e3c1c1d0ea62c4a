'use client';

import { useState } from 'react';
import { useTimeFormat } from '@/components/ui/use-time-format';
import { ApiError } from '@/lib/api/errors';
import type { GroupDetail, ResetPlan } from '@/lib/api/groups';
import { useResetOffsets, useResetPreview } from '@/lib/queries/groups';
import { initialResetForm, ResetForm, toRequest, type ResetFormState } from './reset-form';
import { ResetPreviewTable } from './reset-preview-table';

/** Offset reset in three visible steps: choose, preview every partition, confirm. */
/** `deniedReason` says why the user may not reset (read-only cluster, or their role); null when they may. */
export function ResetOffsetsPanel({ cluster, group, deniedReason }: { cluster: string; group: GroupDetail; deniedReason: string | null }) {
  const topics = [...new Set(group.partitions.map((p) => p.topic))].sort();
  const [form, setForm] = useState<ResetFormState>(() => initialResetForm(topics));
  const [plan, setPlan] = useState<ResetPlan | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const preview = useResetPreview(cluster, group.groupId);
  const reset = useResetOffsets(cluster, group.groupId);
  const time = useTimeFormat();

  const change = (patch: Partial<ResetFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    // Any change makes the preview stale: it must be looked at again before executing.
    setPlan(null);
    setConfirmed(false);
    preview.reset();
    reset.reset();
  };

  const fieldErrors = preview.error instanceof ApiError ? preview.error.fieldErrors : {};
  const totals = plan ? { skipped: plan.skipped, replayed: plan.replayed } : null;
  const afterMap = reset.data ? new Map(reset.data.rows.map((r) => [`${r.topic}-${r.partition}`, r.after])) : undefined;
  const blocked = deniedReason ?? plan?.blockedReason ?? null;

  return (
    <div className="space-y-4" data-testid="reset-panel">
      <ResetForm form={form} onChange={change} topics={topics} partitions={group.partitions} fieldErrors={fieldErrors} />
      <div className="flex items-center gap-3">
        <button
          type="button"
          data-testid="reset-preview-button"
          disabled={preview.isPending}
          onClick={() => preview.mutate(toRequest(form), { onSuccess: setPlan })}
          className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
        >
          {preview.isPending ? 'Computing…' : 'Preview'}
        </button>
        <span className="text-xs text-slate-500">Nothing changes until you confirm below.</span>
      </div>
      {preview.error && Object.keys(fieldErrors).length === 0 && (
        <p className="text-sm text-red-700" data-testid="reset-error">{preview.error.message}</p>
      )}
      {plan && (
        <div className="space-y-3">
          <p className="text-sm text-slate-700" data-testid="reset-summary">
            {plan.rows.length} partition{plan.rows.length === 1 ? '' : 's'}:{' '}
            <span className="font-medium text-amber-700">{totals!.skipped.toLocaleString('en-US')} messages skipped</span>,{' '}
            <span className="font-medium text-sky-700">{totals!.replayed.toLocaleString('en-US')} replayed</span>.
          </p>
          <ResetPreviewTable rows={plan.rows} testId="reset-preview" after={afterMap} />
          {blocked ? (
            <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="reset-blocked">{blocked}</p>
          ) : reset.data ? (
            <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="reset-result">
              Offsets reset for {reset.data.rows.length} partition{reset.data.rows.length === 1 ? '' : 's'} at{' '}
              {time.dateTime(reset.data.executedAt)}. &ldquo;Committed now&rdquo; is read back from the cluster.
            </p>
          ) : (
            <div className="flex flex-wrap items-center gap-3 rounded border border-red-200 bg-red-50 p-3">
              <label className="flex items-center gap-2 text-sm text-red-900">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="reset-confirm-check" />
                Move the committed offsets of <b>{group.groupId}</b> as shown above.
              </label>
              <button
                type="button"
                data-testid="reset-confirm"
                disabled={!confirmed || reset.isPending}
                onClick={() => {
                  // The server executes only with confirm: true, which is sent once the box is ticked.
                  if (confirmed) reset.mutate({ ...toRequest(form), confirm: true });
                }}
                className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-40"
              >
                {reset.isPending ? 'Resetting…' : 'Reset offsets'}
              </button>
            </div>
          )}
          {reset.error && <p className="text-sm text-red-700" data-testid="reset-error">{reset.error.message}</p>}
        </div>
      )}
    </div>
  );
}
