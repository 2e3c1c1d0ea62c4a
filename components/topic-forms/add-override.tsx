'use client';

import { useState } from 'react';
import type { TopicConfigView } from '@/lib/api/topic-admin';
import type { ConfigOp } from '@/lib/topics/config-diff';
import { FieldError } from './field';

/** Stages a value for a config picked by name, from the configs the topic reports. */
export function AddOverride({ configs, disabled, check, onStage }: {
  configs: TopicConfigView[];
  disabled: boolean;
  check: (name: string, value: string) => string | null;
  onStage: (op: ConfigOp) => void;
}) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const known = configs.filter((c) => !c.readOnly);
  const stage = () => {
    const key = name.trim();
    if (!known.some((c) => c.name === key)) {
      setProblem({ field: 'add-config', message: key ? `"${key}" is not a changeable config of this topic.` : 'Pick a config.' });
      return;
    }
    const why = check(key, value);
    if (why) {
      setProblem({ field: `configs.${key}`, message: why });
      return;
    }
    onStage({ name: key, op: 'set', value: value.trim() });
    setName('');
    setValue('');
    setProblem(null);
  };
  return (
    <div className="ml-auto space-y-1">
      <div className="flex gap-1.5">
        <datalist id="settings-config-names">
          {known.map((c) => <option key={c.name} value={c.name} />)}
        </datalist>
        <input list="settings-config-names" data-testid="add-config-name" placeholder="config name" value={name} disabled={disabled} onChange={(e) => setName(e.target.value)} className="w-56 rounded border border-slate-300 px-2 py-1 font-mono text-xs disabled:bg-slate-100" />
        <input data-testid="add-config-value" placeholder="value" value={value} disabled={disabled} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && stage()} className="w-40 rounded border border-slate-300 px-2 py-1 font-mono text-xs disabled:bg-slate-100" />
        <button type="button" data-testid="add-config-stage" disabled={disabled} onClick={stage} className="rounded border border-slate-300 bg-white px-2 text-xs font-medium hover:bg-slate-50 disabled:opacity-40">
          Stage
        </button>
      </div>
      {problem && <FieldError field={problem.field} message={problem.message} />}
    </div>
  );
}
