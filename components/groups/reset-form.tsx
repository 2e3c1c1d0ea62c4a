'use client';

import { DateTimeInput } from '@/components/ui/date-time-input';
import type { GroupPartition, ResetRequest, ResetStrategy } from '@/lib/api/groups';

// The reset's inputs as the form holds them (strings, as typed); toRequest() turns them into the body.

export interface ResetFormState {
  scope: 'all' | 'topic' | 'partitions';
  topic: string;
  partitions: string[];
  strategy: ResetStrategy;
  datetime: string;
  offset: string;
  shift: string;
  durationValue: string;
  durationUnit: 'M' | 'H' | 'D';
}

export const initialResetForm = (topics: string[]): ResetFormState => ({
  scope: 'all',
  topic: topics[0] ?? '',
  partitions: [],
  strategy: 'earliest',
  datetime: '',
  offset: '',
  shift: '',
  durationValue: '15',
  durationUnit: 'M',
});

const strategyLabels: Record<ResetStrategy, string> = {
  earliest: 'Earliest (log start)',
  latest: 'Latest (log end)',
  datetime: 'At a date and time',
  offset: 'Exact offset',
  shift: 'Shift by ±N',
  duration: 'Back by a duration',
};

/** Numbers stay strings until sent so the server names a bad one; an empty box is sent as NaN → 400. */
export function toRequest(f: ResetFormState): ResetRequest {
  const scope: ResetRequest['scope'] =
    f.scope === 'all' ? { type: 'all' }
      : f.scope === 'topic' ? { type: 'topic', topic: f.topic }
        : { type: 'partitions', partitions: f.partitions.map((k) => { const i = k.lastIndexOf(':'); return { topic: k.slice(0, i), partition: Number(k.slice(i + 1)) }; }) };
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  const strategy: ResetRequest['strategy'] =
    f.strategy === 'datetime' ? { type: 'datetime', datetime: f.datetime }
      : f.strategy === 'offset' ? { type: 'offset', offset: num(f.offset) }
        : f.strategy === 'shift' ? { type: 'shift', by: num(f.shift) }
          : f.strategy === 'duration' ? { type: 'duration', duration: `P${f.durationUnit === 'D' ? `${f.durationValue}D` : `T${f.durationValue}${f.durationUnit}`}` }
            : { type: f.strategy };
  return { scope, strategy };
}

export function ResetForm({ form, onChange, topics, partitions, fieldErrors }: {
  form: ResetFormState;
  onChange: (patch: Partial<ResetFormState>) => void;
  topics: string[];
  partitions: GroupPartition[];
  fieldErrors: Record<string, string>;
}) {
  const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm';
  const err = (...keys: string[]) => {
    const message = keys.map((k) => fieldErrors[k]).find(Boolean);
    return message ? <p className="mt-1 text-xs text-red-700" data-testid="reset-field-error">{message}</p> : null;
  };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <fieldset>
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Scope</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          {(['all', 'topic', 'partitions'] as const).map((s) => (
            <label key={s} className="flex items-center gap-1.5">
              <input type="radio" name="reset-scope" checked={form.scope === s} onChange={() => onChange({ scope: s })} data-testid={`reset-scope-${s}`} />
              {s === 'all' ? 'All topics of the group' : s === 'topic' ? 'One topic' : 'Chosen partitions'}
            </label>
          ))}
        </div>
        {form.scope === 'topic' && (
          <select className={`${input} mt-2`} value={form.topic} onChange={(e) => onChange({ topic: e.target.value })} data-testid="reset-topic">
            {topics.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        )}
        {form.scope === 'partitions' && (
          <div className="mt-2 flex max-h-32 flex-wrap gap-x-3 gap-y-1 overflow-auto text-sm" data-testid="reset-partitions">
            {partitions.map((p) => {
              const key = `${p.topic}:${p.partition}`;
              const checked = form.partitions.includes(key);
              return (
                <label key={key} className="flex items-center gap-1">
                  <input type="checkbox" checked={checked} data-testid={`reset-partition-${p.topic}-${p.partition}`}
                    onChange={() => onChange({ partitions: checked ? form.partitions.filter((k) => k !== key) : [...form.partitions, key] })} />
                  {p.topic}-{p.partition}
                </label>
              );
            })}
          </div>
        )}
        {err('scope', 'scope.topic', 'scope.partitions')}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Move committed offsets to</legend>
        <div className="flex flex-wrap items-center gap-2">
          <select className={input} value={form.strategy} onChange={(e) => onChange({ strategy: e.target.value as ResetStrategy })} data-testid="reset-strategy">
            {(Object.keys(strategyLabels) as ResetStrategy[]).map((s) => <option key={s} value={s}>{strategyLabels[s]}</option>)}
          </select>
          {form.strategy === 'datetime' && (
            <DateTimeInput value={form.datetime} onChange={(datetime) => onChange({ datetime })} label="Reset to" testId="reset-datetime" />
          )}
          {form.strategy === 'offset' && (
            <input type="number" min={0} className={`${input} w-36`} value={form.offset} placeholder="offset" onChange={(e) => onChange({ offset: e.target.value })} data-testid="reset-offset" />
          )}
          {form.strategy === 'shift' && (
            <input type="number" className={`${input} w-36`} value={form.shift} placeholder="-100 or 100" onChange={(e) => onChange({ shift: e.target.value })} data-testid="reset-shift" />
          )}
          {form.strategy === 'duration' && (
            <>
              <input type="number" min={1} className={`${input} w-20`} value={form.durationValue} onChange={(e) => onChange({ durationValue: e.target.value })} data-testid="reset-duration" />
              <select className={input} value={form.durationUnit} onChange={(e) => onChange({ durationUnit: e.target.value as ResetFormState['durationUnit'] })} data-testid="reset-duration-unit">
                <option value="M">minutes ago</option>
                <option value="H">hours ago</option>
                <option value="D">days ago</option>
              </select>
            </>
          )}
        </div>
        {err('strategy', 'strategy.datetime', 'strategy.offset', 'strategy.by', 'strategy.duration', 'strategy.type')}
        <p className="mt-1 text-xs text-slate-500">
          {form.strategy === 'shift' ? 'Negative replays messages, positive skips them. ' : ''}
          Offsets outside the log are kept inside it; the preview says where.
        </p>
      </fieldset>
    </div>
  );
}
