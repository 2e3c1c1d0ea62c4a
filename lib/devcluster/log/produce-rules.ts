import { ErrorCode } from '@/lib/protocol/errors';
import { KafkaError } from '../errors';
import type { Partition } from '../state/partition';
import type { TopicSettings } from '../state/topic';
import { checkTimestamps, isTransactional, splitBatches } from './batch';

// What a leader checks before it appends a Produce request's records, in Kafka's order and with
// its messages.

export interface ProduceResult {
  baseOffset: number;
  logAppendTimeMs: number;
  logStartOffset: number;
}

/** The request's batches, each its own bytes, once acks, the ISR, sizes and timestamps pass. */
export function acceptedBatches(p: Partition, s: TopicSettings, records: Buffer | null, acks: number, now: number): Buffer[] {
  if (acks !== 0 && acks !== 1 && acks !== -1) throw new KafkaError(ErrorCode.INVALID_REQUIRED_ACKS, `Invalid required acks ${acks}`);
  if (acks === -1 && p.isr.length < s.minInsyncReplicas) {
    throw new KafkaError(ErrorCode.NOT_ENOUGH_REPLICAS, `The size of the current ISR [${p.isr.join(', ')}] is insufficient to satisfy the min.isr requirement of ${s.minInsyncReplicas} for partition ${p.topic}-${p.index}`);
  }
  if (!records || records.length === 0) throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'Produce request carries no records');
  const batches = splitBatches(records, s.maxMessageBytes).map(ownBytes);
  if (batches.some(isTransactional)) throw new KafkaError(ErrorCode.INVALID_TXN_STATE, 'Transactions are not supported by the dev cluster');
  if (!s.logAppendTime) for (const b of batches) checkTimestamps(b, now, s.timestampBeforeMaxMs, s.timestampAfterMaxMs);
  return batches;
}

/**
 * Stored batches stay views of the request bytes, unless the view would pin a much larger socket
 * buffer for the life of the log; then the batch alone is copied.
 */
function ownBytes(batch: Buffer): Buffer {
  return batch.buffer.byteLength > batch.length * 2 ? Buffer.from(batch) : batch;
}
