import { z } from 'zod';
import { parseDateTime } from '@/lib/messages/api';
import { refreshParam } from './common';

// Consumer groups at the API boundary: query and body schemas (both sides import them) and the
// shapes the routes answer with.

export const healthStatuses = ['OK', 'WARN', 'STALL', 'STOP'] as const;
export type HealthStatus = (typeof healthStatuses)[number];

export interface Health {
  status: HealthStatus;
  /** One sentence an operator can act on, e.g. "No active members; 1,204 messages waiting". */
  reason: string;
}

export interface PartitionRef {
  topic: string;
  partition: number;
}

export interface WorstPartition extends PartitionRef {
  lag: number;
}

export interface GroupSummary {
  groupId: string;
  state: string;
  protocolType: string;
  /** The assignor in use (range, roundrobin, cooperative-sticky, ...), empty when none. */
  protocol: string;
  members: number;
  topics: string[];
  /** null when the group has no committed offsets (unknown, not zero). */
  totalLag: number | null;
  worstPartition: WorstPartition | null;
  coordinator: number | null;
  health: Health;
  /** A problem reading this group (it is still listed). */
  error?: string;
}

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

export interface GroupsPage {
  groups: GroupSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Groups in the cluster (before the search/filters). */
  clusterTotal: number;
  byHealth: Record<HealthStatus, number>;
  /** Parts of the cluster that could not be read, e.g. a broker that did not list its groups. */
  warnings: string[];
  fetchedAt: number;
  /** How long reading the cluster took, so slowness is visible. */
  loadMs: number;
}

export interface GroupMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  host: string;
  assignment: PartitionRef[];
}

export interface GroupPartition {
  topic: string;
  partition: number;
  committed: number | null;
  logStart: number;
  logEnd: number;
  lag: number | null;
  note: 'no-commit' | 'below-log-start' | 'above-log-end' | null;
  lost: number;
  /** Member (client id and host) the partition is assigned to, if any. */
  owner: { memberId: string; clientId: string; host: string } | null;
  metadata: string | null;
  /** When the committed offset was last seen moving (ms since epoch), null if not seen yet. */
  lastMovedAt: number | null;
}

export interface TopicTrend {
  topic: string;
  lag: number | null;
  /** Messages per second; positive = lag growing. null without two samples. */
  lagPerSecond: number | null;
  consumePerSecond: number | null;
  producePerSecond: number | null;
  /** Estimated seconds until lag reaches 0 at the current rates; null if never or unknown. */
  catchUpSeconds: number | null;
}

export interface GroupDetail extends GroupSummary {
  membersList: GroupMember[];
  partitions: GroupPartition[];
  trends: TopicTrend[];
  /** Empty or dead groups only can have offsets reset or be deleted. */
  canReset: boolean;
  fetchedAt: number;
}

export interface LagPoint {
  t: number;
  /** Lag per topic at time t (topic -> messages). */
  lag: Record<string, number>;
}

export interface LagHistory {
  groupId: string;
  topics: string[];
  points: LagPoint[];
  intervalMs: number;
  retentionMs: number;
}

export interface TopicConsumer {
  groupId: string;
  state: string;
  members: number;
  /** Lag of the group on this topic. */
  lag: number | null;
  worstPartition: WorstPartition | null;
  partitions: number;
  health: Health;
}

export interface TopicConsumers {
  topic: string;
  consumers: TopicConsumer[];
  fetchedAt: number;
}

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

export interface ResetPlanRow {
  topic: string;
  partition: number;
  current: number | null;
  target: number;
  logStart: number;
  logEnd: number;
  /** target - current: positive = messages skipped, negative = messages replayed. */
  delta: number | null;
  note: string | null;
}

export interface ResetPlan {
  groupId: string;
  rows: ResetPlanRow[];
  skipped: number;
  replayed: number;
  /** False when the group has active members; `blockedReason` says why. */
  canExecute: boolean;
  blockedReason: string | null;
}

export interface ResetResult {
  groupId: string;
  rows: (ResetPlanRow & { after: number | null })[];
  executedAt: number;
}

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

export interface DeleteOffsetsResult {
  groupId: string;
  topic: string;
  partitions: number[];
}
