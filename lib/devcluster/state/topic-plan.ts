import { randomBytes } from 'node:crypto';
import { ErrorCode } from '@/lib/protocol/errors';
import { validateTopicConfigs } from '../config/store';
import { KafkaError } from '../errors';
import { assignReplicas } from './assignment';
import type { Topic } from './topic';
import { validateTopicName } from './topic-name';
import { checkAssignments, checkPartitionLimit } from './topic-rules';

// CreateTopics and CreatePartitions checked as Kafka checks them, with Kafka's messages, and the
// replica assignment they would get. Nothing is created here.

export interface CreateTopicInput {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string | null> | Map<string, string | null>;
  assignments?: number[][];
}

/** A Kafka-style id (16 random bytes, base64url) for a topic or a cluster. */
export function newUuid(): string {
  return randomBytes(16).toString('base64url');
}

/** What planning needs to know of the cluster. */
export interface PlanContext {
  knownBroker: (id: number) => boolean;
  liveBrokerIds: number[];
  totalPartitions: number;
}

export interface NewTopicContext extends PlanContext {
  exists: (name: string) => boolean;
  /** The existing topic whose name differs only in '.' vs '_', if any. */
  collidesWith: (name: string) => string | undefined;
  brokerDefault: (config: 'num.partitions' | 'default.replication.factor') => number;
}

export function planNewTopic(input: CreateTopicInput, ctx: NewTopicContext): { assignments: number[][]; configs: Map<string, string> } {
  validateTopicName(input.name);
  if (ctx.exists(input.name)) throw new KafkaError(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${input.name}' already exists.`);
  const clash = ctx.collidesWith(input.name);
  if (clash) throw new KafkaError(ErrorCode.INVALID_TOPIC_EXCEPTION, `Topic '${input.name}' collides with existing topic: ${clash}`);
  const entries = input.configs instanceof Map ? [...input.configs] : Object.entries(input.configs ?? {});
  const configs = validateTopicConfigs(entries);
  if (input.assignments && input.assignments.length > 0) {
    if (input.partitions !== -1 || input.replicationFactor !== -1) {
      throw new KafkaError(ErrorCode.INVALID_REQUEST, 'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.');
    }
    checkAssignments(input.assignments, 0, ctx.knownBroker);
    checkPartitionLimit(input.assignments.length, 0, ctx.totalPartitions);
    return { assignments: input.assignments, configs };
  }
  const partitions = input.partitions === -1 ? ctx.brokerDefault('num.partitions') : input.partitions;
  const rf = input.replicationFactor === -1 ? ctx.brokerDefault('default.replication.factor') : input.replicationFactor;
  if (partitions <= 0) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, 'Number of partitions was set to an invalid non-positive value.');
  if (rf <= 0) throw new KafkaError(ErrorCode.INVALID_REPLICATION_FACTOR, 'Replication factor was set to an invalid non-positive value.');
  checkPartitionLimit(partitions, 0, ctx.totalPartitions);
  const minIsr = Number(configs.get('min.insync.replicas') ?? 1);
  if (minIsr > rf) {
    throw new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${minIsr} for configuration min.insync.replicas: min.insync.replicas cannot be greater than the replication factor ${rf}`);
  }
  return { assignments: assignReplicas(ctx.liveBrokerIds, partitions, rf), configs };
}

/** The replicas of the partitions a CreatePartitions to `count` adds (never shrinks). */
export function planPartitionGrowth(topic: Topic, count: number, assignments: number[][] | null, ctx: PlanContext): number[][] {
  const current = topic.partitions.length;
  if (count < current) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, `Topic currently has ${current} partitions, which is higher than the requested ${count}.`);
  if (count === current) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partitions.`);
  checkPartitionLimit(count, current, ctx.totalPartitions);
  const rf = topic.partitions[0].replicas.length;
  if (assignments) {
    if (assignments.length !== count - current) {
      throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Increasing the number of partitions by ${count - current} but ${assignments.length} assignments provided.`);
    }
    checkAssignments(assignments, current, ctx.knownBroker);
    if (assignments[0].length !== rf) throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Inconsistent replication factor between partitions, partition 0 has ${rf} while partitions [${current}] have replication factors [${assignments[0].length}], respectively.`);
    return assignments;
  }
  const live = [...ctx.liveBrokerIds].sort((a, b) => a - b);
  const firstIndex = Math.max(0, live.indexOf(topic.partitions[0].replicas[0]));
  return assignReplicas(live, count - current, rf, { startPartition: current, firstIndex });
}
