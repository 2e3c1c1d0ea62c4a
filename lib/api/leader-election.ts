import { z } from 'zod';
import { topicNameParam } from './common';

// Preferred leader election (ElectLeaders): what to elect, the preview, the outcome.

const int = z.number().int();

export const electionScope = z.discriminatedUnion('scope', [
  /** Every partition (of the topics the caller may see) not led by its preferred replica. */
  z.object({ scope: z.literal('off-preferred') }),
  z.object({ scope: z.literal('topic'), topic: topicNameParam }),
  z.object({ scope: z.literal('partition'), topic: topicNameParam, partition: int.min(0, 'must be 0 or more') }),
]);
export type ElectionScope = z.infer<typeof electionScope>;

export const CONFIRM_ELECTION_MESSAGE = 'Send confirm: true to move leadership; preview first to see what moves.';
export const electionExecute = z.intersection(electionScope, z.object({ confirm: z.literal(true, { error: CONFIRM_ELECTION_MESSAGE }) }));
export type ElectionExecute = z.infer<typeof electionExecute>;

export const electionCandidate = z.object({
  topic: z.string(),
  partition: int,
  leader: int,
  preferred: int,
  /** The preferred replica is online and in the ISR, so an election moves leadership to it. */
  eligible: z.boolean(),
  /** Why an ineligible partition stays as it is. */
  reason: z.string().nullable(),
});
export type ElectionCandidate = z.infer<typeof electionCandidate>;

export const brokerLeaders = z.object({
  id: int,
  online: z.boolean(),
  /** Partitions whose first replica is this broker: its even share. */
  preferredLeaders: int,
  leadersBefore: int,
  leadersAfter: int,
});
export type BrokerLeaders = z.infer<typeof brokerLeaders>;

/** At most this many candidates are listed; the counts cover them all. */
export const ELECTION_CANDIDATES_SHOWN = 1000;

export const electionPreview = z.object({
  /** False when the brokers do not offer ElectLeaders (Kafka before 2.2). */
  supported: z.boolean(),
  needsKafka: z.string().nullable(),
  candidates: z.array(electionCandidate),
  /** Off-preferred partitions in the scope. */
  offPreferred: int,
  eligible: int,
  brokers: z.array(brokerLeaders),
});
export type ElectionPreview = z.infer<typeof electionPreview>;

export const electionResult = z.object({
  elected: z.array(z.object({ topic: z.string(), partition: int, leader: int })),
  notNeeded: int,
  failed: z.array(z.object({ topic: z.string(), partition: int, error: z.string() })),
  /** Leaders per broker after the election, from fresh metadata. */
  brokers: z.array(brokerLeaders),
});
export type ElectionResult = z.infer<typeof electionResult>;
