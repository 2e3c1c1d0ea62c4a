'use client';

import { useMemo, useState } from 'react';
import { ApiError } from '@/lib/api/errors';
import type { CreateTopicResult, TopicFormContext } from '@/lib/api/topic-admin';
import { applyPreset, emptyForm, formFromTopic, formToRequest, type CreateForm } from '@/lib/topics/create-form';
import type { TopicPreset } from '@/lib/topics/presets';
import { validateNewTopic } from '@/lib/topics/validate-create';

export type BrokerVerdict =
  | { kind: 'accepted'; request: string; result: CreateTopicResult; at: number }
  | { kind: 'refused'; request: string; message: string; at: number };

/**
 * The create form's state: what the user typed, the console's own checks as they type, and the
 * broker's last verdict, which is only shown while the form still matches what was validated.
 */
export function useCreateForm(context: TopicFormContext) {
  const [form, setForm] = useState<CreateForm>(() =>
    context.topic
      ? formFromTopic(
          {
            name: context.topic.name,
            partitions: context.topic.partitions.length,
            replicationFactor: context.topic.replicationFactor,
            overrides: Object.fromEntries(context.topic.configs.filter((c) => c.override && c.value !== null).map((c) => [c.name, c.value!])),
          },
          context.liveBrokers,
        )
      : emptyForm(Math.min(3, Math.max(1, context.liveBrokers))),
  );
  const [dirty, setDirty] = useState<Set<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ request: string; errors: Record<string, string> } | null>(null);
  const [verdict, setVerdict] = useState<BrokerVerdict | null>(null);

  const { request, errors: formErrors } = useMemo(() => formToRequest(form), [form]);
  const requestKey = JSON.stringify(request);
  const defaults = useMemo(
    () => new Map(context.configs.flatMap((c) => (c.defaultValue === null ? [] : [[c.name, c.defaultValue] as const]))),
    [context.configs],
  );
  const checks = useMemo(
    () =>
      validateNewTopic(request, {
        liveBrokers: context.liveBrokers,
        knownConfigs: new Set(context.configs.map((c) => c.name)),
        defaults,
        existingTopics: context.topicNames,
      }),
    [request, context, defaults],
  );
  const serverErrors = server?.request === requestKey ? server.errors : {};
  const errors = { ...checks.errors, ...formErrors, ...serverErrors };
  const shown = Object.fromEntries(Object.entries(errors).filter(([field]) => attempted || dirty.has(field) || field in serverErrors));

  const edit = (fields: string[], next: (f: CreateForm) => CreateForm) => {
    setForm(next);
    setDirty((d) => new Set([...d, ...fields]));
  };

  return {
    form,
    request,
    requestKey,
    errors,
    shownErrors: shown,
    warnings: checks.warnings,
    blocking: Object.keys(errors).length > 0,
    attempted,
    verdict: verdict?.request === requestKey ? verdict : null,
    setName: (name: string) => edit(['name'], (f) => ({ ...f, name })),
    setPartitions: (partitions: string) => edit(['partitions'], (f) => ({ ...f, partitions })),
    setReplicationFactor: (rf: string) => edit(['replicationFactor'], (f) => ({ ...f, replicationFactor: rf })),
    setSetting: (name: string, value: CreateForm['settings'][string]) =>
      edit([`configs.${name}`], (f) => ({ ...f, preset: '', settings: { ...f.settings, [name]: value } })),
    setExtra: (extra: CreateForm['extra']) =>
      edit(extra.flatMap((e) => [`extra.${e.id}`, `configs.${e.key.trim()}`]), (f) => ({ ...f, extra })),
    pickPreset: (preset: TopicPreset) => setForm((f) => applyPreset(f, preset)),
    attempt: () => setAttempted(true),
    accepted: (result: CreateTopicResult) => setVerdict({ kind: 'accepted', request: requestKey, result, at: Date.now() }),
    refused: (error: unknown) => {
      const apiError = error instanceof ApiError ? error : undefined;
      setServer({ request: requestKey, errors: apiError?.fieldErrors ?? {} });
      setVerdict({ kind: 'refused', request: requestKey, message: error instanceof Error ? error.message : String(error), at: Date.now() });
    },
  };
}

export type CreateFormState = ReturnType<typeof useCreateForm>;
