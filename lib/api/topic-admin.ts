import { z } from 'zod';
import { MAX_PARTITIONS } from '@/lib/topics/validate-create';

// Request and response schemas of the topic administration routes. Bodies are strict: an
// unknown key is a 400, so a typo never silently turns into "nothing changed".

const MAX_CONFIGS = 200;

/** Config names are dotted lower-case words; this also keeps '__proto__' and friends out. */
export const configName = z
  .string()
  .min(1, 'Config name is required.')
  .max(255, 'Config name is too long.')
  .regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/, 'Config names are lower-case words joined by "." (e.g. retention.ms).');

export const configValue = z.string().max(65_536, 'Config value is too long.');

export const configMap = z
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

export const createTopicResult = z.object({
  topic: z.string(),
  validateOnly: z.boolean(),
  /** True when the topic now exists (false for a validation run). */
  created: z.boolean(),
  /** Console advice per field; never blocking. */
  warnings: z.record(z.string(), z.array(z.string())),
});
export type CreateTopicResult = z.infer<typeof createTopicResult>;

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

const configOp = z.discriminatedUnion('op', [
  z.object({ name: z.string(), op: z.literal('set'), value: z.string() }),
  z.object({ name: z.string(), op: z.literal('delete') }),
]);

export const alterConfigsResult = z.object({
  topic: z.string(),
  validateOnly: z.boolean(),
  operations: z.array(configOp),
});
export type AlterConfigsResult = z.infer<typeof alterConfigsResult>;

export const addPartitionsInput = z.strictObject({
  /** The new total, which must be larger than the current count. */
  partitions: count('Partitions', MAX_PARTITIONS),
  validateOnly: z.boolean().default(false),
});
export type AddPartitionsInput = z.input<typeof addPartitionsInput>;

export const addPartitionsResult = z.object({
  topic: z.string(),
  validateOnly: z.boolean(),
  before: z.number().int(),
  after: z.number().int(),
});
export type AddPartitionsResult = z.infer<typeof addPartitionsResult>;

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

export const purgeRecordsResult = z.object({
  topic: z.string(),
  partitions: z.array(z.object({ partition: z.number().int(), before: z.number().int(), after: z.number().int(), deleted: z.number().int() })),
  deleted: z.number().int(),
});
export type PurgeRecordsResult = z.infer<typeof purgeRecordsResult>;

export const topicConfigView = z.object({
  name: z.string(),
  value: z.string().nullable(),
  /** True when this topic overrides the cluster default. */
  override: z.boolean(),
  /** The value the topic falls back to when the override is removed. */
  defaultValue: z.string().nullable(),
  source: z.string(),
  sensitive: z.boolean(),
  readOnly: z.boolean(),
});
export type TopicConfigView = z.infer<typeof topicConfigView>;

const int = z.number().int();

export const topicAdminView = z.object({
  name: z.string(),
  internal: z.boolean(),
  replicationFactor: int,
  partitions: z.array(z.object({ partition: int, leader: int, replicas: z.array(int), isr: z.array(int), earliest: int, latest: int })),
  configs: z.array(topicConfigView),
});
export type TopicAdminView = z.infer<typeof topicAdminView>;

/** What the create form and settings page need to know about the cluster and a topic. */
export const topicFormContext = z.object({
  liveBrokers: int,
  topicNames: z.array(z.string()),
  /** Topic configs the cluster reports, with the value a topic gets when it sets nothing. */
  configs: z.array(z.object({ name: z.string(), defaultValue: z.string().nullable(), sensitive: z.boolean(), readOnly: z.boolean() })),
  /** Where the config list came from. */
  configSource: z.enum(['topic', 'broker', 'catalog']),
  topic: topicAdminView.optional(),
});
export type TopicFormContext = z.infer<typeof topicFormContext>;
