import { z } from 'zod';

// Pieces several cluster-read responses share.

/** Where a config value comes from, in the words an operator uses. */
export const configSource = z.enum(['default', 'static', 'dynamic-broker', 'dynamic-default', 'dynamic-topic', 'unknown']);
export type ConfigSource = z.infer<typeof configSource>;

export const configEntry = z.object({
  name: z.string(),
  /** Null for sensitive values (never sent to the browser) and unset values. */
  value: z.string().nullable(),
  source: configSource,
  isDefault: z.boolean(),
  readOnly: z.boolean(),
  sensitive: z.boolean(),
  /** The broker's own description when it sends one, else the console's. */
  documentation: z.string().nullable(),
  /** Kafka's config type (STRING, INT, LONG, LIST, ...) when the broker reports it. */
  type: z.string().nullable(),
});
export type ConfigEntry = z.infer<typeof configEntry>;

/** `?refresh=1` bypasses the server's short cache (the refresh button). */
export const refreshParam = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** A topic name in a URL: Kafka allows letters, digits, '.', '_' and '-', up to 249 characters. */
export const topicNameParam = z
  .string()
  .min(1, 'topic name is empty')
  .max(249, 'topic name is longer than 249 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'topic name may only contain letters, digits, ".", "_" and "-"');
