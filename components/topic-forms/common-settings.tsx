'use client';

import { COMMON_SETTINGS } from '@/lib/topics/create-form';
import type { CreateFormState } from './use-create-form';
import { Field } from './field';
import { SettingInput } from './setting-input';

/** The settings most topics need to think about, each with the cluster default it replaces. */
export function CommonSettings({ state, defaults, disabled }: {
  state: CreateFormState;
  defaults: ReadonlyMap<string, string | null>;
  disabled?: boolean;
}) {
  return (
    <div className="divide-y divide-slate-100">
      {COMMON_SETTINGS.map((s) => {
        const field = `configs.${s.name}`;
        return (
          <div key={s.name} className="py-3 first:pt-0 last:pb-0">
            <Field
              label={
                <span className="flex items-baseline gap-2">
                  {s.label}
                  <code className="text-[11px] font-normal text-slate-400">{s.name}</code>
                </span>
              }
              htmlFor={`setting-${s.name}`}
              field={field}
              error={state.shownErrors[field]}
              warnings={state.warnings[field]}
              help={s.help}
            >
              <SettingInput
                setting={s}
                value={state.form.settings[s.name] ?? { mode: 'default' }}
                defaultValue={defaults.get(s.name)}
                invalid={Boolean(state.shownErrors[field])}
                disabled={disabled}
                onChange={(v) => state.setSetting(s.name, v)}
              />
            </Field>
          </div>
        );
      })}
    </div>
  );
}
