import { z } from 'zod';
import { MAX_PARTITIONS } from '@/lib/topics/validate-create';
import type { ConfigOp } from '@/lib/topics/config-diff';

// Request and response shapes of the topic administration routes. Bodies are strict: an unknown
// key is a 400, so a typo never silently turns into "nothing changed".

const MAX_CONFIGS = 200;

/** Config names are dotted lower-case words; this also keeps '__proto__' and friends out. */
export const configName = z
  .string()
  .min(1, 'Config name is required.')
  .max(255, 'Config name is too long.')
  .regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/, 'Config names are lower-case words joined by "." (e.g. retention.ms).');

const configValue = z.string().max(65_536, 'Config value is too long.');

const configMap = z
  .record(configName, configValue)
  .refine((m) => Object.keys(m).length <= MAX_CONFIGS, `At most ${MAX_CONFIGS} configs at once.`);

const count = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(1, `${label} must be at least 1.`)
    .max(max, `${label} can be at most ${max}.`);

export const createTopicInput = z.strictObject({
  name: z.string({ error: 'Topic name is required.' }).max(10_000, 'Topic name is too long.'),
  partitions: count('Partitions', MAX_PARTITIONS),
  replicationFactor: count('Replication factor', 32767),
  configs: configMap.default({}),
  validateOnly: z.boolean().default(false),
});
export type CreateTopicInput = z.input<typeof createTopicInput>;

export interface CreateTopicResult {
  topic: string;
  validateOnly: boolean;
  /** True when the topic now exists (false for a validation run). */
  created: boolean;
  /** Console advice per field; never blocking. */
  warnings: Record<string, string[]>;
}

export const patchConfigsInput = z
  .strictObject({
    set: configMap.default({}),
    reset: z.array(configName).max(MAX_CONFIGS).default([]),
    validateOnly: z.boolean().default(false),
  })
  .refine((b) => Object.keys(b.set).length + b.reset.length > 0, { message: 'Nothing to change: give "set" or "reset".', path: ['set'] })
  .refine((b) => !b.reset.some((name) => name in b.set), { message: 'A config cannot be set and reset at once.', path: ['reset'] });
export type PatchConfigsInput = z.input<typeof patchConfigsInput>;

/** PUT: the complete set of topic overrides wanted; the server sends only the difference. */
export const putConfigsInput = z.strictObject({
  configs: configMap,
  validateOnly: z.boolean().default(false),
});
export type PutConfigsInput = z.input<typeof putConfigsInput>;

export interface AlterConfigsResult {
  topic: string;
  validateOnly: boolean;
  operations: ConfigOp[];
}

export const addPartitionsInput = z.strictObject({
  /** The new total, which must be larger than the current count. */
  partitions: count('Partitions', MAX_PARTITIONS),
  validateOnly: z.boolean().default(false),
});
export type AddPartitionsInput = z.input<typeof addPartitionsInput>;

export interface AddPartitionsResult {
  topic: string;
  validateOnly: boolean;
  before: number;
  after: number;
}

export const deleteTopicInput = z.strictObject({
  /** The topic's name typed again; anything else refuses the deletion. */
  confirm: z.string({ error: 'Type the topic name to confirm.' }).max(10_000),
});
export type DeleteTopicInput = z.input<typeof deleteTopicInput>;

const offsetField = z
  .number({ error: 'Offset must be a number.' })
  .int('Offset must be a whole number.')
  .min(0, 'Offset must be 0 or more.')
  .max(Number.MAX_SAFE_INTEGER, 'Offset is too large.');

export const purgeRecordsInput = z.discriminatedUnion(
  'scope',
  [
    z.strictObject({ scope: z.literal('all'), confirm: z.string().max(10_000) }),
    z.strictObject({
      scope: z.literal('partitions'),
      confirm: z.string().max(10_000),
      offsets: z
        .array(
          z.strictObject({
            partition: z.number().int('Partition must be a whole number.').min(0, 'Partition must be 0 or more.').max(MAX_PARTITIONS),
            /** Records before this offset are deleted. */
            offset: offsetField,
          }),
        )
        .min(1, 'Choose at least one partition.')
        .max(MAX_PARTITIONS),
    }),
  ],
  { error: 'scope must be "all" or "partitions".' },
);
export type PurgeRecordsInput = z.input<typeof purgeRecordsInput>;

export interface PurgeRecordsResult {
  topic: string;
  partitions: { partition: number; before: number; after: number; deleted: number }[];
  deleted: number;
}

/** What the create form and settings page need to know about the cluster and a topic. */
export interface TopicFormContext {
  liveBrokers: number;
  topicNames: string[];
  /** Topic configs the cluster reports, with the value a topic gets when it sets nothing. */
  configs: { name: string; defaultValue: string | null; sensitive: boolean; readOnly: boolean }[];
  /** Where the config list came from. */
  configSource: 'topic' | 'broker' | 'catalog';
  topic?: TopicAdminView;
}

export interface TopicAdminView {
  name: string;
  internal: boolean;
  replicationFactor: number;
  partitions: { partition: number; leader: number; replicas: number[]; isr: number[]; earliest: number; latest: number }[];
  configs: TopicConfigView[];
}

export interface TopicConfigView {
  name: string;
  value: string | null;
  /** True when this topic overrides the cluster default. */
  override: boolean;
  /** The value the topic falls back to when the override is removed. */
  defaultValue: string | null;
  source: string;
  sensitive: boolean;
  readOnly: boolean;
}
