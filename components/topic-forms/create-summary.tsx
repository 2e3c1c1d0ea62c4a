'use client';

import { topicConfigInfo } from '@/lib/topics/config-catalog';
import type { FormRequest } from '@/lib/topics/create-form';
import { formatAmount } from '@/lib/topics/units';
import { useTimeFormat } from '@/components/ui/use-time-format';
import type { BrokerVerdict } from './use-create-form';

/**
 * What will be sent, exactly, next to the two buttons: validate asks the broker without creating
 * anything; create does it. The broker's last verdict stays until the form changes.
 */
export function CreateSummary({ request, problems, attempted, verdict, busy, disabled, disabledReason, onValidate, onCreate }: {
  request: FormRequest;
  /** Blocking problems by field, with the label to show. */
  problems: { field: string; label: string; message: string }[];
  attempted: boolean;
  verdict: BrokerVerdict | null;
  busy: 'validate' | 'create' | null;
  disabled: boolean;
  disabledReason?: string;
  onValidate: () => void;
  onCreate: () => void;
}) {
  const configs = Object.entries(request.configs).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="space-y-3" data-testid="create-summary">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">Name</dt>
        <dd className="break-all font-mono" data-testid="summary-name">{request.name || '—'}</dd>
        <dt className="text-slate-500">Partitions</dt>
        <dd className="tabular-nums">{Number.isFinite(request.partitions) ? request.partitions : '—'}</dd>
        <dt className="text-slate-500">Replicas</dt>
        <dd className="tabular-nums">{Number.isFinite(request.replicationFactor) ? request.replicationFactor : '—'}</dd>
      </dl>
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Overrides ({configs.length})</p>
        {configs.length === 0 ? (
          <p className="text-sm text-slate-500">None — cluster defaults apply.</p>
        ) : (
          <ul className="mt-1 space-y-0.5 text-xs" data-testid="summary-configs">
            {configs.map(([name, value]) => {
              const unit = topicConfigInfo.get(name)?.unit;
              return (
                <li key={name} className="flex justify-between gap-2 font-mono">
                  <span className="text-slate-600">{name}</span>
                  <span className="text-right text-slate-900" title={value}>{unit ? formatAmount(value, unit) : value}</span>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      {verdict && <Verdict verdict={verdict} />}
      {problems.length > 0 && !verdict && (attempted ? (
        <div className="rounded border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800" data-testid="error-count">
          <p className="font-medium">{problems.length} problem{problems.length === 1 ? '' : 's'} to fix first; nothing was sent.</p>
          <ul className="mt-1 space-y-0.5">
            {problems.map((p) => (
              <li key={p.field}>
                <button type="button" className="text-left underline decoration-red-300 hover:decoration-red-700" onClick={() => focusField(p.field)}>
                  {p.label}
                </button>
                : {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-xs text-slate-500" data-testid="error-count">
          {request.name ? `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before the broker is asked.` : 'Name the topic to continue.'}
        </p>
      ))}

      <div className="flex gap-2 border-t border-slate-100 pt-3">
        <button
          type="button"
          data-testid="validate-button"
          disabled={disabled || busy !== null}
          title={disabledReason}
          onClick={onValidate}
          className="flex-1 rounded border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50"
        >
          {busy === 'validate' ? 'Asking the broker…' : 'Validate'}
        </button>
        <button
          type="button"
          data-testid="create-button"
          disabled={disabled || busy !== null}
          title={disabledReason}
          onClick={onCreate}
          className="flex-1 rounded bg-sky-700 px-3 py-2 text-sm font-semibold text-white hover:bg-sky-800 disabled:bg-slate-300 disabled:text-slate-600"
        >
          {busy === 'create' ? 'Creating…' : 'Create topic'}
        </button>
      </div>
      <p className="text-xs text-slate-500">Validate runs CreateTopics with validateOnly: the broker checks everything, nothing is created.</p>
    </div>
  );
}

function focusField(field: string) {
  const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`) ?? document.querySelector<HTMLElement>(`[data-testid="field-error-${CSS.escape(field)}"]`);
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true });
}

function Verdict({ verdict }: { verdict: BrokerVerdict }) {
  const time = useTimeFormat().dateTime(verdict.at);
  if (verdict.kind === 'accepted') {
    const warnings = Object.values(verdict.result.warnings).flat();
    return (
      <div role="status" data-testid="broker-verdict" data-verdict="accepted" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        <p className="font-medium">✓ The broker would create this topic.</p>
        <p className="text-xs text-emerald-800">Validated at {time}; nothing has been created yet.</p>
        {warnings.length > 0 && <p className="mt-1 text-xs text-amber-800">{warnings.length} warning{warnings.length === 1 ? '' : 's'} above still worth a look.</p>}
      </div>
    );
  }
  return (
    <div role="alert" data-testid="broker-verdict" data-verdict="refused" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p className="font-medium">✕ Refused</p>
      <p className="break-words text-xs" data-testid="form-error">{verdict.message}</p>
      <p className="mt-1 text-xs text-red-800">Checked at {time}. Nothing was created.</p>
    </div>
  );
}
