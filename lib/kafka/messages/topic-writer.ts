import 'server-only';
import { Partitioners } from 'kafkajs';
import { ApiError, notFound, payloadTooLarge } from '@/lib/api/errors';
import { ConnectionRefusedError } from '@/lib/protocol/client/errors';
import { ErrorCode, KafkaProtocolError } from '@/lib/protocol/errors';
import { Produce } from '@/lib/protocol/generated';
import { encodeRecordBatch, type RecordInput } from '@/lib/protocol/records/batch';
import type { CompressionType } from '@/lib/protocol/records/compression';
import { describeTopicConfigs, getTopicConfigs } from '../topics/configs';
import { getTopicMeta, LEADER_MOVED_ERRORS, type TopicMeta } from '../metadata';
import { getProtocolClient } from '../protocol-pool';

// Writes record batches straight to partition leaders with Produce (acks=all). Batches are
// built by the protocol layer, so keys, values, headers (null values and order included) and
// timestamps go to Kafka exactly as given.

/** Kafka's default max.message.bytes, used when the topic's value cannot be read. */
const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

export class TopicWriter {
  private meta: TopicMeta | undefined;
  private partitioner = Partitioners.DefaultPartitioner();
  private maxMessageBytes: number | undefined;

  private constructor(
    readonly clusterId: string,
    readonly topic: string,
  ) {}

  /** A writer for an existing topic; 404 naming the topic otherwise. */
  static async open(clusterId: string, topic: string): Promise<TopicWriter> {
    const writer = new TopicWriter(clusterId, topic);
    // The cached metadata is enough: append() reads it again when a leader has moved. Only a
    // topic created moments ago can be missing from it, so a miss asks the cluster once more.
    writer.meta = await getTopicMeta(clusterId, topic).catch((error) => {
      if (error instanceof ApiError && error.status === 404) return getTopicMeta(clusterId, topic, true);
      throw error;
    });
    return writer;
  }

  get partitionCount(): number {
    return this.meta!.partitions.length;
  }

  /** Whether the partition exists, asking the cluster again before saying no (it may be new). */
  async hasPartition(partition: number): Promise<boolean> {
    if (this.knows(partition)) return true;
    this.meta = await getTopicMeta(this.clusterId, this.topic, true);
    return this.knows(partition);
  }

  async assertPartition(partition: number): Promise<void> {
    if (!(await this.hasPartition(partition))) {
      throw notFound(`Topic "${this.topic}" has no partition ${partition} (it has ${this.partitionCount}: 0 to ${this.partitionCount - 1}).`);
    }
  }

  private knows(partition: number): boolean {
    return this.meta!.partitions.some((p) => p.partition === partition);
  }

  /** The partition Kafka's default partitioner picks (murmur2 of the key, round-robin without one). */
  partitionFor(key: Buffer | null): number {
    return this.partitioner({
      topic: this.topic,
      partitionMetadata: this.meta!.partitions.map((p) => ({
        partitionId: p.partition,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        partitionErrorCode: p.errorCode,
      })),
      message: { key, value: null },
    });
  }

  /** The topic's max.message.bytes: the largest record batch its brokers accept (read fresh: it decides). */
  async messageLimit(): Promise<number> {
    this.maxMessageBytes ??= messageLimitOf(await describeTopicConfigs(this.clusterId, this.topic));
    return this.maxMessageBytes;
  }

  /** Builds the batch and refuses it (413) when it is larger than the topic accepts. */
  async encode(records: RecordInput[], compression: CompressionType = 'none'): Promise<Buffer> {
    const batch = encodeRecordBatch({ records, compression });
    const limit = await this.messageLimit();
    if (batch.length > limit) throw this.tooLarge(batch.length, limit);
    return batch;
  }

  /** Appends one encoded batch to a partition; returns the offset of its first record. */
  async append(partition: number, batch: Buffer): Promise<{ baseOffset: number; logAppendTime: number }> {
    for (let attempt = 0; ; attempt++) {
      const leader = this.meta!.partitions.find((p) => p.partition === partition)?.leader ?? -1;
      const client = await getProtocolClient(this.clusterId);
      let code = 5;
      const connection = leader >= 0 ? await client.broker(leader).catch(leaderGone(attempt)) : undefined;
      if (connection) {
        const response = await connection.send(
          Produce,
          { transactionalId: null, acks: -1, timeoutMs: 30_000, topicData: [{ name: this.topic, partitionData: [{ index: partition, records: batch }] }] },
          { timeoutMs: 45_000 },
        );
        const result = response.responses[0]?.partitionResponses[0];
        if (!result) throw new KafkaProtocolError(ErrorCode.UNKNOWN_SERVER_ERROR, 'empty produce response');
        if (result.errorCode === ErrorCode.NONE) return { baseOffset: result.baseOffset, logAppendTime: result.logAppendTimeMs ?? -1 };
        code = result.errorCode;
        if (code === ErrorCode.MESSAGE_TOO_LARGE || code === ErrorCode.RECORD_LIST_TOO_LARGE) throw this.tooLarge(batch.length, await this.messageLimit());
        if (!LEADER_MOVED_ERRORS.has(code) || attempt > 0) throw new KafkaProtocolError(code, result.errorMessage ?? `producing to partition ${partition} of "${this.topic}"`);
      }
      if (attempt > 0) throw new KafkaProtocolError(code, `partition ${partition} of "${this.topic}" has no leader`);
      this.meta = await getTopicMeta(this.clusterId, this.topic, true);
    }
  }

  private tooLarge(size: number, limit: number) {
    return payloadTooLarge(
      `The message batch is ${size.toLocaleString('en-US')} bytes; topic "${this.topic}" accepts at most ${limit.toLocaleString('en-US')} bytes (max.message.bytes = ${limit}).`,
    );
  }
}

/** A topic's max.message.bytes from its briefly cached configs, for checks ahead of the write. */
export async function topicMessageLimit(clusterId: string, topic: string): Promise<number> {
  return messageLimitOf((await getTopicConfigs(clusterId, topic)).configs);
}

function messageLimitOf(configs: { name: string; value: string | null }[]): number {
  const value = Number(configs.find((c) => c.name === 'max.message.bytes')?.value);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_MESSAGE_BYTES;
}

/**
 * A leader from cached metadata that refuses connections has most likely just stopped: the first
 * attempt goes on to re-read metadata and retry; nothing was sent, so nothing can be duplicated.
 */
function leaderGone(attempt: number) {
  return (error: unknown): undefined => {
    if (attempt === 0 && error instanceof ConnectionRefusedError) return undefined;
    throw error;
  };
}
