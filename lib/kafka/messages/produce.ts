import 'server-only';
import { z } from 'zod';
import { produceInputSchema, type ProduceResult } from '@/lib/api/produce';
import { encodeWithSchemas } from './produce-schema';
import { TopicWriter, topicMessageLimit } from './topic-writer';
import { invalidateAfterWrite } from './written';

export type ValidProduceInput = z.infer<typeof produceInputSchema>;

/** Room in a produce body for the JSON around a message: field names, escapes, headers. */
const BODY_OVERHEAD_BYTES = 64 * 1024;

/**
 * The largest produce body worth reading for a topic: twice its max.message.bytes (a payload's
 * JSON string escapes quotes, backslashes and newlines) plus room for the rest of the JSON. The
 * encoded batch is then checked exactly, so this only keeps hopeless bodies out of memory.
 */
export async function produceBodyLimit(clusterId: string, topic: string): Promise<{ maxBytes: number; tooLargeMessage: string }> {
  const limit = await topicMessageLimit(clusterId, topic);
  const maxBytes = 2 * limit + BODY_OVERHEAD_BYTES;
  return {
    maxBytes,
    tooLargeMessage: `The request body is larger than ${maxBytes.toLocaleString('en-US')} bytes: topic "${topic}" accepts messages of at most ${limit.toLocaleString('en-US')} bytes (max.message.bytes = ${limit}).`,
  };
}

/** Produces one message and says where it landed. */
export async function produceMessage(clusterId: string, input: ValidProduceInput): Promise<ProduceResult> {
  const encoded = await encodeWithSchemas(clusterId, input);
  const writer = await TopicWriter.open(clusterId, input.topic);
  const key = encoded ? encoded.key : input.key === null ? null : Buffer.from(input.key, 'utf8');
  const value = encoded ? encoded.value : input.value === null ? null : Buffer.from(input.value, 'utf8');
  const headers = input.headers.map((h) => ({ key: h.key, value: h.value === null ? null : Buffer.from(h.value, 'utf8') }));
  let partition: number;
  if (input.partition === null) partition = writer.partitionFor(key);
  else {
    await writer.assertPartition(input.partition);
    partition = input.partition;
  }
  const timestamp = input.timestamp ?? Date.now();
  const batch = await writer.encode([{ key, value, headers, timestamp }], input.compression);
  const { baseOffset, logAppendTime } = await writer.append(partition, batch);
  invalidateAfterWrite(clusterId, input.topic);
  const size = (key?.length ?? 0) + (value?.length ?? 0) + headers.reduce((n, h) => n + Buffer.byteLength(h.key) + (h.value?.length ?? 0), 0);
  return { topic: input.topic, partition, offset: baseOffset, timestamp: logAppendTime > 0 ? logAppendTime : timestamp, size, ...(encoded ? { schemas: encoded.schemas } : {}) };
}
