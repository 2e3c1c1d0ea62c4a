'use client';

import { useRef, useState } from 'react';
import { ApiError } from '@/lib/api/errors';
import { cancelReplay, useReplay, useReplayProgress, useTopicNames } from '@/lib/queries/messages';
import { Field } from './position-fields';
import { ReplayProgressBar, ReplayResultSummary } from './replay-outcome';
import { replaySource, type SourceMode } from './replay-source';
import { DateTimeInput } from '@/components/ui/date-time-input';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-500 focus:outline-none';

/** Replays chosen messages, an offset range or a time range into a topic, with progress and a checked count. */
export function ReplayPanel({ cluster, topic, selection, partitionCount, onClose, disabled }: {
  cluster: string;
  topic: string;
  selection: { partition: number; offset: number }[];
  partitionCount: number;
  onClose: () => void;
  disabled: boolean;
}) {
  const [mode, setMode] = useState<SourceMode>(selection.length > 0 ? 'messages' : 'offsets');
  const [partition, setPartition] = useState(String(selection[0]?.partition ?? 0));
  const [from, setFrom] = useState(selection.length ? String(Math.min(...selection.map((s) => s.offset))) : '0');
  const [to, setTo] = useState(selection.length ? String(Math.max(...selection.map((s) => s.offset))) : '');
  const [fromTime, setFromTime] = useState('');
  const [toTime, setToTime] = useState('');
  const [target, setTarget] = useState('');
  const [targetPartition, setTargetPartition] = useState<'same' | 'key' | string>('same');
  const [keepTimestamp, setKeepTimestamp] = useState(false);
  const [jobId, setJobId] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const controller = useRef<AbortController | null>(null);
  const names = useTopicNames(cluster);
  const replay = useReplay(cluster);
  const progress = useReplayProgress(cluster, jobId, replay.isPending);
  const targetPartitions = names.data?.find((t) => t.name === target)?.partitions;

  const start = () => {
    const { source, errors: e } = replaySource(mode, { selection, partition, from, to, fromTime, toTime });
    if (!target) e['target.topic'] = 'Choose the topic to replay into';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const id = crypto.randomUUID();
    setJobId(id);
    const abort = new AbortController();
    controller.current = abort;
    replay.mutate(
      {
        input: {
          jobId: id,
          topic,
          source,
          target: { topic: target, partition: targetPartition === 'same' || targetPartition === 'key' ? targetPartition : Number(targetPartition) },
          keepTimestamp,
        },
        signal: abort.signal,
      },
      { onError: (error) => error instanceof ApiError && setErrors(error.fieldErrors) },
    );
  };

  const cancel = () => {
    if (jobId) void cancelReplay(cluster, jobId).catch(() => undefined);
  };

  const live = progress.data;
  const result = replay.data;
  const running = replay.isPending;
  return (
    <div className="rounded-lg border border-sky-200 bg-sky-50/40 p-4" data-testid="replay-panel">
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-800">Replay messages from {topic}</h2>
        <button type="button" onClick={onClose} className="rounded px-2 text-lg leading-none text-slate-500 hover:bg-slate-100" aria-label="Close replay">×</button>
      </div>
      <div className="space-y-3">
        <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label="What to replay">
          {selection.length > 0 && <Radio checked={mode === 'messages'} onChange={() => setMode('messages')} testId="replay-source-messages">Selected messages ({selection.length})</Radio>}
          <Radio checked={mode === 'offsets'} onChange={() => setMode('offsets')} testId="replay-source-offsets">Offset range</Radio>
          <Radio checked={mode === 'time'} onChange={() => setMode('time')} testId="replay-source-time">Time range (all partitions)</Radio>
        </div>
        {mode === 'offsets' && (
          <div className="flex flex-wrap gap-3">
            <Field label="Partition">
              <select className={input} value={partition} onChange={(e) => setPartition(e.target.value)} data-testid="replay-partition">
                {Array.from({ length: partitionCount }, (_, p) => <option key={p} value={p}>{p}</option>)}
              </select>
            </Field>
            <Field label="From offset" error={errors['source.from']}>
              <input className={`${input} w-32 font-mono`} value={from} onChange={(e) => setFrom(e.target.value.trim())} data-testid="replay-from" />
            </Field>
            <Field label="To offset (inclusive)" error={errors['source.to']}>
              <input className={`${input} w-32 font-mono`} value={to} onChange={(e) => setTo(e.target.value.trim())} data-testid="replay-to" />
            </Field>
          </div>
        )}
        {mode === 'time' && (
          <div className="flex flex-wrap gap-3">
            <Field label="From" error={errors['source.from']}>
              <DateTimeInput value={fromTime} onChange={setFromTime} label="From" testId="replay-from-time" />
            </Field>
            <Field label="To (inclusive)" error={errors['source.to']}>
              <DateTimeInput value={toTime} onChange={setToTime} label="To" testId="replay-to-time" />
            </Field>
          </div>
        )}
        {errors['source.messages'] && <p className="text-xs text-red-700" role="alert">{errors['source.messages']}</p>}
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Into topic" error={errors['target.topic']}>
            <input className={`${input} w-64 font-mono`} list="replay-topics" value={target} onChange={(e) => setTarget(e.target.value.trim())} placeholder="target topic" data-testid="replay-target-topic" />
            <datalist id="replay-topics">{names.data?.map((t) => <option key={t.name} value={t.name} />)}</datalist>
          </Field>
          <Field label="Partition" error={errors['target.partition']}>
            <select className={input} value={targetPartition} onChange={(e) => setTargetPartition(e.target.value)} data-testid="replay-target-partition">
              <option value="same">Same as the source</option>
              <option value="key">By key (default partitioner)</option>
              {Array.from({ length: targetPartitions ?? 0 }, (_, p) => <option key={p} value={p}>Partition {p}</option>)}
            </select>
          </Field>
          <label className="flex items-center gap-1.5 pb-1 text-sm text-slate-700">
            <input type="checkbox" checked={keepTimestamp} onChange={(e) => setKeepTimestamp(e.target.checked)} data-testid="replay-keep-timestamp" />
            Keep original timestamps
          </label>
          <button type="button" onClick={start} disabled={disabled || running} className="rounded bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50" data-testid="replay-submit">
            {running ? 'Replaying…' : 'Replay'}
          </button>
          {running && <button type="button" onClick={cancel} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" data-testid="replay-cancel">Stop</button>}
        </div>
        {(running || live) && !result && <ReplayProgressBar live={live} />}
        {replay.error && !Object.keys(errors).length && <p className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert" data-testid="replay-error">{replay.error.message}</p>}
        {result && <ReplayResultSummary cluster={cluster} result={result} />}
      </div>
    </div>
  );
}

function Radio({ checked, onChange, children, testId }: { checked: boolean; onChange: () => void; children: React.ReactNode; testId: string }) {
  return (
    <label className="flex items-center gap-1.5 text-slate-700">
      <input type="radio" checked={checked} onChange={onChange} data-testid={testId} />
      {children}
    </label>
  );
}
