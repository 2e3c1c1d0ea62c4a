import { z } from 'zod';
import { parseDateTime } from '@/lib/api/date-time';
import { refreshParam } from './common';

// Consumer groups at the API boundary: query and body schemas (both sides import them) and the
// schemas of what the routes answer with.

export const healthStatuses = ['OK', 'WARN', 'STALL', 'STOP'] as const;
export type HealthStatus = (typeof healthStatuses)[number];

const int = z.number().int();

export const health = z.object({
  status: z.enum(healthStatuses),
  /** One sentence an operator can act on, e.g. "No active members; 1,204 messages waiting". */
  reason: z.string(),
});
export type Health = z.infer<typeof health>;

const partitionRefShape = z.object({ topic: z.string(), partition: int });
export type PartitionRef = z.infer<typeof partitionRefShape>;

export const worstPartition = partitionRefShape.extend({ lag: int });
export type WorstPartition = z.infer<typeof worstPartition>;

export const groupSummary = z.object({
  groupId: z.string(),
  state: z.string(),
  protocolType: z.string(),
  /** The assignor in use (range, roundrobin, cooperative-sticky, ...), empty when none. */
  protocol: z.string(),
  members: int,
  topics: z.array(z.string()),
  /** null when the group has no committed offsets (unknown, not zero). */
  totalLag: int.nullable(),
  worstPartition: worstPartition.nullable(),
  coordinator: int.nullable(),
  health,
  /** A problem reading this group (it is still listed). */
  error: z.string().optional(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const groupSortKeys = ['lag', 'worst', 'health', 'group', 'state', 'members', 'topics'] as const;
export type GroupSortKey = (typeof groupSortKeys)[number];

export const groupsQuery = z.object({
  search: z.string().max(200).optional(),
  state: z.string().max(40).optional(),
  health: z.enum(healthStatuses).optional(),
  sort: z.enum(groupSortKeys).default('health'),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').default(1),
  pageSize: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(500, 'must be 500 or less').default(50),
  refresh: refreshParam,
});
/** The list's query as the browser sends it. */
export interface GroupsQuery {
  search?: string;
  state?: string;
  health?: HealthStatus;
  sort?: GroupSortKey;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export const groupsPage = z.object({
  groups: z.array(groupSummary),
  total: int,
  page: int,
  pageSize: int,
  /** Groups in the cluster (before the search/filters). */
  clusterTotal: int,
  byHealth: z.record(z.enum(healthStatuses), int),
  /** Parts of the cluster that could not be read, e.g. a broker that did not list its groups. */
  warnings: z.array(z.string()),
  fetchedAt: z.number(),
  /** How long reading the cluster took, so slowness is visible. */
  loadMs: z.number(),
});
export type GroupsPage = z.infer<typeof groupsPage>;

export const groupMember = z.object({
  memberId: z.string(),
  groupInstanceId: z.string().nullable(),
  clientId: z.string(),
  host: z.string(),
  assignment: z.array(partitionRefShape),
});
export type GroupMember = z.infer<typeof groupMember>;

export const groupPartition = z.object({
  topic: z.string(),
  partition: int,
  committed: int.nullable(),
  logStart: int,
  logEnd: int,
  lag: int.nullable(),
  note: z.enum(['no-commit', 'below-log-start', 'above-log-end']).nullable(),
  lost: int,
  /** Member (client id and host) the partition is assigned to, if any. */
  owner: z.object({ memberId: z.string(), clientId: z.string(), host: z.string() }).nullable(),
  metadata: z.string().nullable(),
  /** When the committed offset was last seen moving (ms since epoch), null if not seen yet. */
  lastMovedAt: z.number().nullable(),
});
export type GroupPartition = z.infer<typeof groupPartition>;

export const topicTrend = z.object({
  topic: z.string(),
  lag: int.nullable(),
  /** Messages per second; positive = lag growing. null without two samples. */
  lagPerSecond: z.number().nullable(),
  consumePerSecond: z.number().nullable(),
  producePerSecond: z.number().nullable(),
  /** Estimated seconds until lag reaches 0 at the current rates; null if never or unknown. */
  catchUpSeconds: z.number().nullable(),
});
export type TopicTrend = z.infer<typeof topicTrend>;

export const groupDetail = groupSummary.extend({
  membersList: z.array(groupMember),
  partitions: z.array(groupPartition),
  trends: z.array(topicTrend),
  /** Empty or dead groups only can have offsets reset or be deleted. */
  canReset: z.boolean(),
  fetchedAt: z.number(),
});
export type GroupDetail = z.infer<typeof groupDetail>;

export const topicConsumer = z.object({
  groupId: z.string(),
  state: z.string(),
  members: int,
  /** Lag of the group on this topic. */
  lag: int.nullable(),
  worstPartition: worstPartition.nullable(),
  partitions: int,
  health,
});
export type TopicConsumer = z.infer<typeof topicConsumer>;

export const topicConsumers = z.object({
  topic: z.string(),
  consumers: z.array(topicConsumer),
  fetchedAt: z.number(),
});
export type TopicConsumers = z.infer<typeof topicConsumers>;

// Offset reset -----------------------------------------------------------------------------------

export const resetStrategies = ['earliest', 'latest', 'datetime', 'offset', 'shift', 'duration'] as const;
export type ResetStrategy = (typeof resetStrategies)[number];

const partitionRef = z.object({
  topic: z.string().min(1, 'is required'),
  partition: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more'),
});

const resetScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({ type: z.literal('topic'), topic: z.string().min(1, 'is required') }),
  z.object({ type: z.literal('partitions'), partitions: z.array(partitionRef).min(1, 'choose at least one partition') }),
]);

/** ISO-8601 duration subset (PT1H30M, P1D) or a plain number of milliseconds. */
export const durationPattern = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const resetStrategy = z.discriminatedUnion('type', [
  z.object({ type: z.literal('earliest') }),
  z.object({ type: z.literal('latest') }),
  z.object({
    type: z.literal('datetime'),
    // The same rule as the messages API: a zone-less time would be read in the server's zone.
    datetime: z.string({ error: 'is required' }).superRefine((s, ctx) => {
      const parsed = parseDateTime(s);
      if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
    }),
  }),
  z.object({
    type: z.literal('offset'),
    offset: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(Number.MAX_SAFE_INTEGER),
  }),
  z.object({
    type: z.literal('shift'),
    by: z.number({ error: 'must be a number' }).int('must be a whole number').refine((n) => n !== 0, 'must not be 0').refine((n) => Math.abs(n) <= Number.MAX_SAFE_INTEGER, 'is too large'),
  }),
  z.object({
    type: z.literal('duration'),
    duration: z.union([
      z.number().int().positive('must be more than 0 ms'),
      z.string().regex(durationPattern, 'must be an ISO-8601 duration such as PT15M or P1D').refine((s) => s !== 'P' && s !== 'PT', 'must not be empty'),
    ]),
  }),
]);

export const resetRequest = z.object({ scope: resetScope, strategy: resetStrategy });
export type ResetRequest = z.infer<typeof resetRequest>;

export const CONFIRM_RESET_MESSAGE = 'must be true: confirm the reset after looking at the preview';

/** Executing a reset: the previewed request plus an explicit `confirm: true`, checked by the server. */
export const resetExecuteRequest = resetRequest.extend({ confirm: z.literal(true, { error: CONFIRM_RESET_MESSAGE }) });
export type ResetExecuteRequest = z.infer<typeof resetExecuteRequest>;

export const resetPlanRow = z.object({
  topic: z.string(),
  partition: int,
  current: int.nullable(),
  target: int,
  logStart: int,
  logEnd: int,
  /** target - current: positive = messages skipped, negative = messages replayed. */
  delta: int.nullable(),
  note: z.string().nullable(),
});
export type ResetPlanRow = z.infer<typeof resetPlanRow>;

export const resetPlan = z.object({
  groupId: z.string(),
  rows: z.array(resetPlanRow),
  skipped: int,
  replayed: int,
  /** False when the group has active members; `blockedReason` says why. */
  canExecute: z.boolean(),
  blockedReason: z.string().nullable(),
});
export type ResetPlan = z.infer<typeof resetPlan>;

export const resetResult = z.object({
  groupId: z.string(),
  rows: z.array(resetPlanRow.extend({ after: int.nullable() })),
  executedAt: z.number(),
});
export type ResetResult = z.infer<typeof resetResult>;

// Deletions -------------------------------------------------------------------------------------

// A deletion names its target twice: in the URL and typed again in the body. The server compares
// them, so a stray request (or a script with the wrong variable) deletes nothing.

export const CONFIRM_GROUP_MESSAGE = 'type the group id to confirm';
export const CONFIRM_TOPIC_MESSAGE = 'type the topic name to confirm';

export const deleteGroupInput = z.strictObject({
  /** The group id typed again. */
  confirm: z.string({ error: CONFIRM_GROUP_MESSAGE }).max(10_000),
});

export const deleteGroupOffsetsInput = z.strictObject({
  /** The topic (the `topic` query parameter) typed again. */
  confirm: z.string({ error: CONFIRM_TOPIC_MESSAGE }).max(10_000),
});

export const deleteOffsetsResult = z.object({
  groupId: z.string(),
  topic: z.string(),
  partitions: z.array(int),
});
export type DeleteOffsetsResult = z.infer<typeof deleteOffsetsResult>;
