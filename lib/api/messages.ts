import { z } from 'zod';
import { parseDateTime } from './date-time';

// The messages API's read side (browse, one message, search, live tail): query schemas and the
// schemas of the answers, shared by the route handlers and the browser. Query strings map
// one-to-one onto the page URL so a view can be shared by its address.

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;
export const DEFAULT_SCAN_CAP = 1_000_000;
export const MAX_SCAN_CAP = 100_000_000;
/** Longest key/value/header text sent per message in a list; the detail view fetches the rest. */
export const LIST_PAYLOAD_LIMIT = 64 * 1024;

const int = z.number().int();

export const compressions = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Compression = (typeof compressions)[number];

/** Bytes as sent to the browser: the text when it is valid UTF-8, base64 otherwise. */
export const payload = z.object({
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
  /** Full size in bytes, even when `data` holds only the first part. */
  size: int,
  truncated: z.boolean().optional(),
  /** The payload is in the Confluent wire format and the cluster has a schema registry: which schema. */
  schema: z.object({ id: int, type: z.enum(['AVRO', 'PROTOBUF', 'JSON']), subject: z.string().optional(), version: int.optional() }).optional(),
  /** The payload decoded with `schema`, as a JSON value (Avro longs beyond 2^53 and Protobuf 64-bit integers are strings). */
  decoded: z.unknown().optional(),
  /** Why a wire-format payload could not be decoded (registry down, unknown id, bytes that do not fit); `data` is then the raw bytes. */
  schemaError: z.string().optional(),
  /** The payload decoded but does not validate against its JSON Schema. */
  schemaWarning: z.string().optional(),
});
export type Payload = z.infer<typeof payload>;
export type PayloadSchema = NonNullable<Payload['schema']>;

export const timestampType = z.enum(['CreateTime', 'LogAppendTime']);
export type TimestampType = z.infer<typeof timestampType>;

export const messageHeader = z.object({ key: z.string(), value: payload.nullable() });
export type MessageHeader = z.infer<typeof messageHeader>;

export const message = z.object({
  partition: int,
  offset: int,
  /** Epoch milliseconds. */
  timestamp: z.number(),
  timestampType,
  key: payload.nullable(),
  value: payload.nullable(),
  headers: z.array(messageHeader),
  /** Bytes of key, value and headers. */
  size: int,
  /** Codec of the batch the message was stored in. */
  compression: z.enum(compressions),
  /** Masking rules of the reader's roles were applied: key, value or headers may differ from what is stored. */
  masked: z.boolean().optional(),
});
export type Message = z.infer<typeof message>;

export const partitionRange = z.object({
  partition: int,
  /** Log start offset. */
  start: int,
  /** High watermark: one past the last readable offset. */
  end: int,
});
export type PartitionRange = z.infer<typeof partitionRange>;

export const browseResult = z.object({
  messages: z.array(message),
  /** Continues the same read; null when there is nothing further in that direction. */
  cursor: z.string().nullable(),
  partitions: z.array(partitionRange),
  /**
   * Set when the page stopped before `limit` because its messages reached the server's byte
   * budget for one response (CONSOLE_BROWSE_MAX_BYTES); `cursor` continues right after them.
   */
  truncated: z.object({ reason: z.literal('max-bytes'), maxBytes: int, bytes: int }).optional(),
});
export type BrowseResult = z.infer<typeof browseResult>;

/** `/messages/<partition>/<offset>`: where the message is, from the URL. */
export const messagePositionParams = z.object({
  partition: z.string().regex(/^\d{1,9}$/, 'Partition must be a whole number').transform(Number),
  offset: z.string().regex(/^\d{1,16}$/, 'Offset must be a whole number').transform(Number),
});
/** `?download=key|value` answers with that payload's bytes as a file. */
export const messageDownloadQuery = z.object({ download: z.enum(['key', 'value']).optional() });

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

const streamError = z.object({ type: z.literal('error'), code: z.string(), message: z.string() });

/** Lines of the search response stream (NDJSON). */
export const searchEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), total: int, partitions: z.array(partitionRange) }),
  z.object({ type: z.literal('message'), message }),
  z.object({ type: z.literal('progress'), scanned: int, total: int, matched: int, ratePerSec: z.number(), elapsedMs: z.number() }),
  z.object({
    type: z.literal('done'),
    scanned: int,
    total: int,
    matched: int,
    elapsedMs: z.number(),
    ratePerSec: z.number(),
    /** Why the scan ended. */
    reason: z.enum(['complete', 'limit', 'scan-cap']),
    cursor: z.string().nullable(),
  }),
  streamError,
]);
export type SearchEvent = z.infer<typeof searchEvent>;

/** Server-sent events of the live tail. */
export const tailEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), partitions: z.array(partitionRange) }),
  /** `skipped`: matches left out because the topic was busier than the browser can take. */
  z.object({ type: z.literal('messages'), messages: z.array(message), skipped: int }),
  streamError,
]);
export type TailEvent = z.infer<typeof tailEvent>;
