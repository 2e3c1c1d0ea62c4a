'use client';

import { TOPIC_NAME_MAX_LENGTH } from '@/lib/topics/name';
import type { CreateFormState } from './use-create-form';
import { Field, inputClass } from './field';

/** Name, partitions and replication factor: the three things that cannot be changed freely later. */
export function TopicBasics({ state, liveBrokers, disabled }: { state: CreateFormState; liveBrokers: number; disabled?: boolean }) {
  const { form, shownErrors: e, warnings: w } = state;
  const rfOptions = Array.from({ length: Math.max(1, liveBrokers) }, (_, i) => i + 1);
  return (
    <div className="space-y-4">
      <Field
        label="Topic name"
        htmlFor="topic-name"
        field="name"
        error={e.name}
        warnings={w.name}
        help={`Letters, digits, '.', '_' and '-'; up to ${TOPIC_NAME_MAX_LENGTH} characters. The name cannot be changed later.`}
      >
        <input
          id="topic-name"
          data-testid="topic-name-input"
          className={`${inputClass(Boolean(e.name))} font-mono`}
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. orders.payments.v1"
          value={form.name}
          disabled={disabled}
          onChange={(ev) => state.setName(ev.target.value)}
        />
        <p className="text-right text-[11px] tabular-nums text-slate-400">{form.name.length} / {TOPIC_NAME_MAX_LENGTH}</p>
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field
          label="Partitions"
          htmlFor="topic-partitions"
          field="partitions"
          error={e.partitions}
          warnings={w.partitions}
          help="Upper bound on consumer parallelism. Can be raised later, never lowered; raising it moves keys to other partitions."
        >
          <input
            id="topic-partitions"
            data-testid="partitions-input"
            inputMode="numeric"
            className={inputClass(Boolean(e.partitions))}
            value={form.partitions}
            disabled={disabled}
            onChange={(ev) => state.setPartitions(ev.target.value)}
          />
        </Field>
        <Field
          label="Replication factor"
          htmlFor="topic-rf"
          field="replicationFactor"
          error={e.replicationFactor}
          warnings={w.replicationFactor}
          help={`Copies of each partition, on different brokers. ${liveBrokers} broker${liveBrokers === 1 ? ' is' : 's are'} live now.`}
        >
          <select
            id="topic-rf"
            data-testid="replication-factor-input"
            className={inputClass(Boolean(e.replicationFactor))}
            value={form.replicationFactor}
            disabled={disabled}
            onChange={(ev) => state.setReplicationFactor(ev.target.value)}
          >
            {!rfOptions.includes(Number(form.replicationFactor)) && (
              <option value={form.replicationFactor}>{form.replicationFactor} (more than the live brokers)</option>
            )}
            {rfOptions.map((n) => (
              <option key={n} value={n}>{n}{n === 3 ? ' (recommended)' : ''}</option>
            ))}
          </select>
        </Field>
      </div>
    </div>
  );
}
