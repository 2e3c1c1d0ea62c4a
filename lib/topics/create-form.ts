import { COMPRESSION_TYPES, topicConfigInfo } from './config-catalog';
import { presetConfigs, type TopicPreset } from './presets';
import { bestUnit, INT_MAX, LONG_MAX, toBaseUnits, type UnitKind } from './units';

// The create form's state and its conversion into a request. Common settings are edited with
// unit pickers and "cluster default" / "unlimited" choices; everything else is free key/value.

export type SettingControl = 'unit' | 'number' | 'select';

export interface CommonSetting {
  name: string;
  label: string;
  help: string;
  control: SettingControl;
  unit?: UnitKind;
  /** Offers "unlimited" (-1). */
  unlimited?: boolean;
  options?: readonly { value: string; label: string }[];
}

export const COMMON_SETTINGS: readonly CommonSetting[] = [
  {
    name: 'cleanup.policy',
    label: 'Cleanup policy',
    help: 'Delete old segments, keep the latest record per key, or both.',
    control: 'select',
    options: [
      { value: 'delete', label: 'delete — drop data older than retention' },
      { value: 'compact', label: 'compact — keep latest per key' },
      { value: 'compact,delete', label: 'compact + delete' },
    ],
  },
  unitSetting('retention.ms', 'Retention time', 'How long records are kept.'),
  unitSetting('retention.bytes', 'Retention size', 'Per partition: the topic can hold this × partitions.'),
  { name: 'min.insync.replicas', label: 'Min in-sync replicas', help: 'Replicas that must have a write before acks=all producers get an answer.', control: 'number' },
  unitSetting('max.message.bytes', 'Max message size', 'Largest record batch accepted, after compression.'),
  {
    name: 'compression.type',
    label: 'Compression',
    help: 'How the broker stores data; "producer" keeps what producers send.',
    control: 'select',
    options: COMPRESSION_TYPES.map((c) => ({ value: c, label: c })),
  },
  unitSetting('segment.bytes', 'Segment size', 'Retention and compaction act on whole segments.'),
];

/** A setting edited with a unit picker: its unit and whether it can be unlimited come from the catalogue. */
function unitSetting(name: string, label: string, help: string): CommonSetting {
  const info = topicConfigInfo.get(name);
  if (!info?.unit) throw new Error(`${name} has no unit in the config catalogue`);
  return { name, label, help, control: 'unit', unit: info.unit, unlimited: info.unlimited };
}

export const COMMON_NAMES: ReadonlySet<string> = new Set(COMMON_SETTINGS.map((s) => s.name));

export type SettingValue = { mode: 'default' } | { mode: 'unlimited' } | { mode: 'value'; amount: string; unit: string };

export interface ExtraConfig {
  id: number;
  key: string;
  value: string;
}

export interface CreateForm {
  name: string;
  partitions: string;
  replicationFactor: string;
  preset: string;
  settings: Record<string, SettingValue>;
  extra: ExtraConfig[];
}

export function emptyForm(replicationFactor: number): CreateForm {
  return {
    name: '',
    partitions: '3',
    replicationFactor: String(replicationFactor),
    preset: 'defaults',
    settings: Object.fromEntries(COMMON_SETTINGS.map((s) => [s.name, { mode: 'default' } as SettingValue])),
    extra: [],
  };
}

/** A stored config value as the form shows it: 604800000 -> 7 days, -1 -> unlimited. */
export function settingFromValue(name: string, value: string): SettingValue {
  const setting = COMMON_SETTINGS.find((s) => s.name === name);
  if (setting?.unlimited && (value === '-1' || value === LONG_MAX.toString())) return { mode: 'unlimited' };
  if (setting?.control === 'unit' && setting.unit) {
    const best = bestUnit(value, setting.unit);
    return { mode: 'value', amount: best.amount, unit: best.unit };
  }
  return { mode: 'value', amount: value, unit: '' };
}

/** One common setting as a config value; undefined when left to the cluster default. */
export function settingToConfig(name: string, value: SettingValue): { value?: string; error?: string } {
  if (value.mode === 'default') return {};
  if (value.mode === 'unlimited') return { value: '-1' };
  const setting = COMMON_SETTINGS.find((s) => s.name === name);
  const amount = value.amount.trim();
  if (amount === '') return { error: 'Enter a value, or choose the cluster default.' };
  if (setting?.control === 'unit' && setting.unit) {
    const max = topicConfigInfo.get(name)?.kind === 'int' ? INT_MAX : LONG_MAX;
    const converted = toBaseUnits(amount, setting.unit, value.unit, max);
    return converted.ok ? { value: converted.value } : { error: converted.error };
  }
  return { value: amount };
}

export interface FormRequest {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/** The request the form stands for, with the problems only the form can have (units, duplicates). */
export function formToRequest(form: CreateForm): { request: FormRequest; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const configs: Record<string, string> = {};
  for (const s of COMMON_SETTINGS) {
    const { value, error } = settingToConfig(s.name, form.settings[s.name] ?? { mode: 'default' });
    if (error) errors[`configs.${s.name}`] = error;
    else if (value !== undefined) configs[s.name] = value;
  }
  for (const row of form.extra) {
    const key = row.key.trim();
    if (!key && !row.value.trim()) continue;
    const field = `extra.${row.id}`;
    if (!key) errors[field] = 'Enter the config name.';
    else if (COMMON_NAMES.has(key)) errors[field] = `${key} is set above, under common settings.`;
    else if (key in configs) errors[field] = `${key} is listed twice.`;
    else configs[key] = row.value.trim();
  }
  return {
    request: { name: form.name.trim(), partitions: toInt(form.partitions), replicationFactor: toInt(form.replicationFactor), configs },
    errors,
  };
}

/** Applies a preset: its common settings (others back to default), its extra configs, its partitions. */
export function applyPreset(form: CreateForm, preset: TopicPreset): CreateForm {
  const rf = toInt(form.replicationFactor);
  const configs = presetConfigs(preset, Number.isFinite(rf) ? rf : 1);
  const settings: Record<string, SettingValue> = {};
  for (const s of COMMON_SETTINGS) settings[s.name] = s.name in configs ? settingFromValue(s.name, configs[s.name]) : { mode: 'default' };
  const extras = Object.entries(configs).filter(([k]) => !COMMON_NAMES.has(k));
  let nextId = Math.max(0, ...form.extra.map((e) => e.id)) + 1;
  const extra = form.extra.filter((e) => !extras.some(([k]) => k === e.key.trim()));
  for (const [key, value] of extras) extra.push({ id: nextId++, key, value });
  return { ...form, preset: preset.id, settings, extra, partitions: preset.partitions ? String(preset.partitions) : form.partitions };
}

/** A form prefilled from an existing topic's layout and overrides ("create from this topic"). */
export function formFromTopic(
  source: { name: string; partitions: number; replicationFactor: number; overrides: Readonly<Record<string, string>> },
  liveBrokers: number,
): CreateForm {
  const form = emptyForm(Math.min(source.replicationFactor, Math.max(1, liveBrokers)));
  form.name = `${source.name}-copy`.slice(0, 249);
  form.partitions = String(source.partitions);
  form.replicationFactor = String(source.replicationFactor);
  form.preset = '';
  let id = 1;
  for (const [key, value] of Object.entries(source.overrides).sort(([a], [b]) => a.localeCompare(b))) {
    if (COMMON_NAMES.has(key)) form.settings[key] = settingFromValue(key, value);
    else form.extra.push({ id: id++, key, value });
  }
  return form;
}

function toInt(text: string): number {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
}
