'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Card } from '@/components/ui/card';
import type { TopicFormContext } from '@/lib/api/topic-admin';
import { COMMON_SETTINGS } from '@/lib/topics/create-form';
import { useCreateTopic } from '@/lib/queries/admin';
import { CommonSettings } from './common-settings';
import { CreateSummary } from './create-summary';
import { ExtraConfigs } from './extra-configs';
import { PresetPicker } from './preset-picker';
import { TopicBasics } from './topic-basics';
import { useCreateForm } from './use-create-form';

/** Problems in the order the fields appear on the form. */
const order = ['name', 'partitions', 'replicationFactor', ...COMMON_SETTINGS.map((c) => `configs.${c.name}`)];
const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);

const labels: Record<string, string> = { name: 'Topic name', partitions: 'Partitions', replicationFactor: 'Replication factor' };

function problemList(errors: Record<string, string>) {
  return Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)).map(([field, message]) => ({
    field,
    label: labels[field] ?? (field.startsWith('configs.') ? field.slice('configs.'.length) : field.startsWith('extra.') ? 'Other configs' : field),
    message,
  }));
}

export function CreateTopicForm({ cluster, context, readOnly, readOnlyReason }: {
  cluster: string;
  context: TopicFormContext;
  readOnly: boolean;
  readOnlyReason: string;
}) {
  const router = useRouter();
  const state = useCreateForm(context);
  const create = useCreateTopic(cluster);
  const [busy, setBusy] = useState<'validate' | 'create' | null>(null);
  const defaults = useMemo(() => new Map(context.configs.map((c) => [c.name, c.defaultValue])), [context.configs]);

  const submit = (validateOnly: boolean) => {
    state.attempt();
    if (state.blocking) {
      document.querySelector<HTMLElement>('[role="alert"][data-testid^="field-error-"]')?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(validateOnly ? 'validate' : 'create');
    create.mutate(
      { ...state.request, validateOnly },
      {
        onSuccess: (result) => {
          if (validateOnly) state.accepted(result);
          else router.push(`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(result.topic)}`);
        },
        onError: (error) => state.refused(error),
        onSettled: () => setBusy(null),
      },
    );
  };

  return (
    <form className="grid items-start gap-4 lg:grid-cols-[1fr_20rem]" onSubmit={(e) => { e.preventDefault(); submit(true); }} data-testid="create-topic-form">
      <div className="space-y-4">
        <Card title="Topic">
          <TopicBasics state={state} liveBrokers={context.liveBrokers} disabled={readOnly} />
        </Card>
        <Card title="Preset">
          <PresetPicker selected={state.form.preset} disabled={readOnly} onPick={state.pickPreset} />
        </Card>
        <Card title="Common settings">
          <CommonSettings state={state} defaults={defaults} disabled={readOnly} />
        </Card>
        <Card title="Other configs" actions={<span className="text-xs text-slate-500">{context.configs.length} topic configs known to this cluster</span>}>
          <ExtraConfigs rows={state.form.extra} known={context.configs} errors={state.shownErrors} disabled={readOnly} onChange={state.setExtra} />
        </Card>
      </div>
      <div className="lg:sticky lg:top-6">
        <Card title="Summary">
          <CreateSummary
            request={state.request}
            problems={problemList(state.errors)}
            attempted={state.attempted}
            verdict={state.verdict}
            busy={busy}
            disabled={readOnly}
            disabledReason={readOnly ? readOnlyReason : undefined}
            onValidate={() => submit(true)}
            onCreate={() => submit(false)}
          />
        </Card>
      </div>
    </form>
  );
}
