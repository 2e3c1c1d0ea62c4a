'use client';

import type { CommonSetting, SettingValue } from '@/lib/topics/create-form';
import { formatAmount, unitsFor } from '@/lib/topics/units';
import { inputClass } from './field';

/**
 * One common setting: keep the cluster default (shown), set a value with a unit, or unlimited.
 * The default is shown in the unit a person reads ("7 days"), not in milliseconds.
 */
export function SettingInput({ setting, value, defaultValue, invalid, disabled, onChange }: {
  setting: CommonSetting;
  value: SettingValue;
  defaultValue: string | null | undefined;
  invalid?: boolean;
  disabled?: boolean;
  onChange: (value: SettingValue) => void;
}) {
  const id = `setting-${setting.name}`;
  const shownDefault = defaultValue == null ? 'broker default' : setting.unit ? formatAmount(defaultValue, setting.unit) : defaultValue;

  if (setting.control === 'select') {
    return (
      <select
        id={id}
        data-testid={`${id}-select`}
        className={inputClass(invalid)}
        disabled={disabled}
        value={value.mode === 'value' ? value.amount : ''}
        onChange={(e) => onChange(e.target.value ? { mode: 'value', amount: e.target.value, unit: '' } : { mode: 'default' })}
      >
        <option value="">Cluster default ({shownDefault})</option>
        {setting.options?.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    );
  }

  const modes: { mode: SettingValue['mode']; label: string }[] = [
    { mode: 'default', label: `Default · ${shownDefault}` },
    { mode: 'value', label: 'Custom' },
    ...(setting.unlimited ? [{ mode: 'unlimited' as const, label: 'Unlimited' }] : []),
  ];
  const units = setting.unit ? unitsFor(setting.unit) : [];
  const pick = (mode: SettingValue['mode']) => {
    if (mode === value.mode) return;
    if (mode === 'value') onChange({ mode: 'value', amount: '', unit: units.at(-2)?.id ?? units[0]?.id ?? '' });
    else onChange({ mode } as SettingValue);
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="radiogroup" aria-label={setting.label} className="inline-flex overflow-hidden rounded border border-slate-300 text-xs">
        {modes.map((m) => (
          <button
            key={m.mode}
            type="button"
            role="radio"
            aria-checked={value.mode === m.mode}
            disabled={disabled}
            data-testid={`${id}-mode-${m.mode}`}
            onClick={() => pick(m.mode)}
            className={`border-r border-slate-300 px-2.5 py-1.5 last:border-r-0 disabled:opacity-60 ${
              value.mode === m.mode ? 'bg-slate-800 font-medium text-white' : 'bg-white text-slate-700 hover:bg-slate-50'
            }`}
          >
            {m.label}
          </button>
        ))}
      </div>
      {value.mode === 'value' && (
        <div className="flex items-center gap-1.5">
          <input
            id={id}
            data-testid={`${id}-amount`}
            inputMode="decimal"
            className={`${inputClass(invalid)} w-28`}
            disabled={disabled}
            value={value.amount}
            placeholder={setting.control === 'number' ? 'e.g. 2' : 'amount'}
            onChange={(e) => onChange({ ...value, amount: e.target.value })}
          />
          {units.length > 0 && (
            <select
              data-testid={`${id}-unit`}
              aria-label={`${setting.label} unit`}
              className={`${inputClass(false)} w-32`}
              disabled={disabled}
              value={value.unit}
              onChange={(e) => onChange({ ...value, unit: e.target.value })}
            >
              {units.map((u) => (
                <option key={u.id} value={u.id}>{u.label}</option>
              ))}
            </select>
          )}
        </div>
      )}
    </div>
  );
}
