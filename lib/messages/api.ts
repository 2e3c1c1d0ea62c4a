import { z } from 'zod';

// The messages API's shapes, shared by the route handlers and the browser. Query strings map
// one-to-one onto the page URL so a view can be shared by its address.

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;
export const DEFAULT_SCAN_CAP = 1_000_000;
export const MAX_SCAN_CAP = 100_000_000;
/** Longest key/value/header text sent per message in a list; the detail view fetches the rest. */
export const LIST_PAYLOAD_LIMIT = 64 * 1024;
export const MAX_REPLAY_MESSAGES = 1_000_000;

/** Bytes as sent to the browser: the text when it is valid UTF-8, base64 otherwise. */
export interface Payload {
  encoding: 'utf8' | 'base64';
  data: string;
  /** Full size in bytes, even when `data` holds only the first part. */
  size: number;
  truncated?: boolean;
}

export type TimestampType = 'CreateTime' | 'LogAppendTime';
export type Compression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

export interface MessageHeader {
  key: string;
  value: Payload | null;
}

export interface Message {
  partition: number;
  offset: number;
  /** Epoch milliseconds. */
  timestamp: number;
  timestampType: TimestampType;
  key: Payload | null;
  value: Payload | null;
  headers: MessageHeader[];
  /** Bytes of key, value and headers. */
  size: number;
  /** Codec of the batch the message was stored in. */
  compression: Compression;
  /** Masking rules of the reader's roles were applied: key, value or headers may differ from what is stored. */
  masked?: boolean;
}

export interface PartitionRange {
  partition: number;
  /** Log start offset. */
  start: number;
  /** High watermark: one past the last readable offset. */
  end: number;
}

export interface BrowseResult {
  messages: Message[];
  /** Continues the same read; null when there is nothing further in that direction. */
  cursor: string | null;
  partitions: PartitionRange[];
  /**
   * Set when the page stopped before `limit` because its messages reached the server's byte
   * budget for one response (CONSOLE_BROWSE_MAX_BYTES); `cursor` continues right after them.
   */
  truncated?: { reason: 'max-bytes'; maxBytes: number; bytes: number };
}

// ---------------------------------------------------------------- query parameters

export const startModes = ['earliest', 'latest', 'offset', 'time'] as const;
export type StartMode = (typeof startModes)[number];
export const matchModes = ['contains', 'equals', 'regex'] as const;
export type MatchMode = (typeof matchModes)[number];

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const partitionList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v || v === 'all') return 'all' as const;
    const parts = v.split(',').map((p) => p.trim());
    if (parts.some((p) => !/^\d+$/.test(p))) {
      ctx.addIssue({ code: 'custom', message: 'Partitions must be "all" or a comma-separated list of numbers' });
      return z.NEVER;
    }
    return [...new Set(parts.map(Number))].sort((a, b) => a - b);
  });

/** ISO 8601 with a time zone, or epoch milliseconds; a zone-less time would depend on the server's zone. */
export function parseDateTime(input: string): number | string {
  const s = input.trim();
  if (/^\d{1,16}$/.test(s)) return Number(s);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    return /^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(s)
      ? `"${s}" has no time zone; add Z or an offset like +02:00`
      : `"${s}" is not a date-time (use ISO 8601 like 2024-05-01T10:00:00Z, or epoch milliseconds)`;
  }
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? `"${s}" is not a valid date-time` : ms;
}

const dateTime = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const parsed = parseDateTime(v);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

const offsetParam = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    if (!/^\d{1,16}$/.test(v.trim())) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not an offset (a whole number >= 0)` });
      return z.NEVER;
    }
    return Number(v);
  });

const positionFields = {
  partitions: partitionList,
  start: z.enum(startModes).default('latest'),
  offset: offsetParam,
  time: dateTime,
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  cursor: z.string().max(20_000).optional(),
};

function requireStartValue(q: { start: StartMode; offset?: number; time?: number; cursor?: string }, ctx: z.RefinementCtx) {
  if (q.cursor) return;
  if (q.start === 'offset' && q.offset === undefined) ctx.addIssue({ code: 'custom', path: ['offset'], message: 'Give the offset to start from' });
  if (q.start === 'time' && q.time === undefined) ctx.addIssue({ code: 'custom', path: ['time'], message: 'Give the date-time to start from' });
}

export const browseQuerySchema = z.object(positionFields).superRefine(requireStartValue);
export type BrowseQuery = z.infer<typeof browseQuerySchema>;

export const searchFields = {
  key: z.string().max(1000).optional(),
  keyMode: z.enum(matchModes).default('contains'),
  value: z.string().max(1000).optional(),
  valueMode: z.enum(matchModes).default('contains'),
  header: z.string().max(250).optional(),
  headerValue: z.string().max(1000).optional(),
  headerMode: z.enum(matchModes).default('contains'),
  ignoreCase: flag,
  filter: z.string().max(2000).optional(),
};

export const searchQuerySchema = z
  .object({
    ...positionFields,
    ...searchFields,
    scanCap: z.coerce.number().int().min(1).max(MAX_SCAN_CAP).default(DEFAULT_SCAN_CAP),
  })
  .superRefine(requireStartValue);
export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type SearchTerms = Pick<SearchQuery, keyof typeof searchFields>;

/** The live tail's query: which partitions, and the search terms a message must match. */
export const tailQuerySchema = z.object({ partitions: partitionList, ...searchFields });
export type TailQuery = z.infer<typeof tailQuerySchema>;

/** Lines of the search response stream (NDJSON). */
export type SearchEvent =
  | { type: 'start'; total: number; partitions: PartitionRange[] }
  | { type: 'message'; message: Message }
  | { type: 'progress'; scanned: number; total: number; matched: number; ratePerSec: number; elapsedMs: number }
  | {
      type: 'done';
      scanned: number;
      total: number;
      matched: number;
      elapsedMs: number;
      ratePerSec: number;
      /** Why the scan ended. */
      reason: 'complete' | 'limit' | 'scan-cap';
      cursor: string | null;
    }
  | { type: 'error'; code: string; message: string };

/** Server-sent events of the live tail. */
export type TailEvent =
  | { type: 'ready'; partitions: PartitionRange[] }
  /** `skipped`: matches left out because the topic was busier than the browser can take. */
  | { type: 'messages'; messages: Message[]; skipped: number }
  | { type: 'error'; code: string; message: string };

// ---------------------------------------------------------------- produce

export const compressions = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export const writableCompressions = ['none', 'gzip', 'snappy', 'lz4'] as const;

const headerInput = z.object({
  key: z.string().min(1, 'Header name is required').max(1000),
  value: z.string().nullable(),
});

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
    input.headers.forEach((h, i) => {
      if ([...h.key].some((ch) => ch.charCodeAt(0) < 0x20)) {
        ctx.addIssue({ code: 'custom', path: ['headers', i, 'key'], message: 'Header names cannot hold control characters' });
      }
    });
  });
export type ProduceInput = z.input<typeof produceInputSchema>;

export interface ProduceResult {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  size: number;
}

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

export interface ReplayProgress {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  total: number;
  read: number;
  produced: number;
  startedAt: number;
  finishedAt?: number;
  error?: string;
}

export interface ReplayResult {
  jobId: string;
  sourceTopic: string;
  targetTopic: string;
  /** Messages found in the source range and produced. */
  produced: number;
  /** Offsets in the range that hold no message (transaction markers, compacted away). */
  skipped: number;
  /** Per target partition: high watermark before and after, and what was produced there. */
  partitions: { partition: number; before: number; after: number; produced: number }[];
  /** True when every target partition grew by exactly what was produced into it. */
  verified: boolean;
  /** Stopped before the end of the range (the counts say how far it got). */
  cancelled: boolean;
  durationMs: number;
}
