import { z } from 'zod';
import { MAX_LIMIT } from './messages';

// The messages API's write side: producing one message and replaying a range into a topic,
// shared by the route handlers and the browser.

export const MAX_REPLAY_MESSAGES = 1_000_000;

export const writableCompressions = ['none', 'gzip', 'snappy', 'lz4'] as const;

const headerInput = z.object({
  key: z.string().min(1, 'Header name is required').max(1000),
  value: z.string().nullable(),
});

/** A registry subject version to encode a key or value with; the UI offers `<topic>-value` / `<topic>-key`. */
const schemaChoice = z.object({
  subject: z.string().min(1, 'Choose a subject').max(1000),
  version: z.union([z.number().int().min(1), z.literal('latest')]).default('latest'),
});
export type SchemaChoice = z.input<typeof schemaChoice>;

export const produceInputSchema = z
  .object({
    topic: z.string().min(1, 'Choose a topic').max(249),
    partition: z.number().int().min(0, 'Partition must be >= 0').nullable().default(null),
    key: z.string().nullable().default(null),
    value: z.string().nullable().default(null),
    valueFormat: z.enum(['text', 'json']).default('text'),
    headers: z.array(headerInput).max(100, 'At most 100 headers').default([]),
    compression: z.enum(writableCompressions).default('none'),
    timestamp: z.number().int().min(0).optional(),
    /** Encode the key / value (JSON text) with this schema in the Confluent wire format. */
    keySchema: schemaChoice.optional(),
    valueSchema: schemaChoice.optional(),
  })
  .superRefine((input, ctx) => {
    // null is a tombstone and "" an empty (0-byte) value; an empty string is not JSON, so with
    // valueFormat json the caller is told which of the two to send rather than guessed for.
    if (input.valueFormat === 'json' && input.value !== null && input.value.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'An empty value is not JSON: send null for a tombstone, or valueFormat text for an empty string' });
    } else if (input.valueFormat === 'json' && input.value !== null) {
      try {
        JSON.parse(input.value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `Not valid JSON: ${(error as Error).message}` });
      }
    }
    for (const field of ['key', 'value'] as const) {
      const text = input[field];
      if (!input[`${field}Schema`] || text === null || (field === 'value' && input.valueFormat === 'json')) continue;
      try {
        JSON.parse(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: [field], message: `With a schema the ${field} is JSON: ${(error as Error).message}` });
      }
    }
    input.headers.forEach((h, i) => {
      if ([...h.key].some((ch) => ch.charCodeAt(0) < 0x20)) {
        ctx.addIssue({ code: 'custom', path: ['headers', i, 'key'], message: 'Header names cannot hold control characters' });
      }
    });
  });
export type ProduceInput = z.input<typeof produceInputSchema>;

const schemaUsed = z.object({ subject: z.string(), version: z.number().int(), id: z.number().int() });

export const produceResult = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.number().int(),
  timestamp: z.number(),
  size: z.number().int(),
  /** The schemas the key / value were encoded with, when asked for. */
  schemas: z.object({ key: schemaUsed.optional(), value: schemaUsed.optional() }).optional(),
});
export type ProduceResult = z.infer<typeof produceResult>;

// ---------------------------------------------------------------- replay

const replaySource = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('messages'),
    messages: z
      .array(z.object({ partition: z.number().int().min(0), offset: z.number().int().min(0) }))
      .min(1, 'Select at least one message')
      .max(MAX_LIMIT),
  }),
  z.object({
    mode: z.literal('offsets'),
    partition: z.number().int().min(0),
    from: z.number().int().min(0),
    /** Inclusive. */
    to: z.number().int().min(0),
  }),
  z.object({
    mode: z.literal('time'),
    partitions: z.array(z.number().int().min(0)).optional(),
    from: z.string(),
    to: z.string(),
  }),
]);

export const replayInputSchema = z.object({
  /** Chosen by the browser so it can follow the progress while the request runs. */
  jobId: z.string().regex(/^[\w-]{8,64}$/).optional(),
  topic: z.string().min(1),
  source: replaySource,
  target: z.object({
    topic: z.string().min(1, 'Choose the topic to replay into').max(249),
    /** "same": the source partition; "key": Kafka's default partitioner; a number: that partition. */
    partition: z.union([z.literal('same'), z.literal('key'), z.number().int().min(0)]).default('same'),
  }),
  keepTimestamp: z.boolean().default(false),
});
export type ReplayInput = z.input<typeof replayInputSchema>;
export type ReplaySource = z.infer<typeof replaySource>;

export const replayProgress = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  total: z.number().int(),
  read: z.number().int(),
  produced: z.number().int(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  error: z.string().optional(),
});
export type ReplayProgress = z.infer<typeof replayProgress>;

export const replayResult = z.object({
  jobId: z.string(),
  sourceTopic: z.string(),
  targetTopic: z.string(),
  /** Messages found in the source range and produced. */
  produced: z.number().int(),
  /** Offsets in the range that hold no message (transaction markers, compacted away). */
  skipped: z.number().int(),
  /** Per target partition: high watermark before and after, and what was produced there. */
  partitions: z.array(z.object({ partition: z.number().int(), before: z.number().int(), after: z.number().int(), produced: z.number().int() })),
  /** True when every target partition grew by exactly what was produced into it. */
  verified: z.boolean(),
  /** Stopped before the end of the range (the counts say how far it got). */
  cancelled: z.boolean(),
  durationMs: z.number(),
});
export type ReplayResult = z.infer<typeof replayResult>;
