/**
 * Produce (key 0), v0-9. Only magic v2 record batches are stored: a request carrying an old
 * message set (what v0-2 clients normally send) gets UNSUPPORTED_FOR_MESSAGE_FORMAT. v0-2 are
 * listed anyway because librdkafka 2.0 compresses with gzip, snappy or lz4 only when a broker
 * offers Produce v0 (it then sends v7 with record batches). Batches are validated (framing, magic 2, CRC, max.message.bytes) and stored as received with
 * offsets assigned; records are never decompressed. acks=-1 needs min.insync.replicas in the ISR
 * (NOT_ENOUGH_REPLICAS) and, with a data dir, is flushed before the answer. acks=0 gets no
 * response (the server skips it). Only the partition leader accepts writes.
 */
import { Produce, type ProduceResponsePartitionProduceResponse } from '@/lib/protocol/generated';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

export const produceHandler = defineHandler({
  codec: Produce,
  minVersion: 0,
  maxVersion: 9,
  handle({ cluster, broker }, req) {
    return {
      throttleTimeMs: 0,
      responses: req.topicData.map((t) => ({
        name: t.name,
        partitionResponses: t.partitionData.map((p): ProduceResponsePartitionProduceResponse => {
          try {
            if (req.transactionalId != null) {
              throw new KafkaError(ErrorCode.INVALID_TXN_STATE, 'Transactions are not supported by the dev cluster');
            }
            const r = cluster.produce(t.name, p.index, broker.nodeId, p.records, req.acks);
            return { index: p.index, errorCode: ErrorCode.NONE, baseOffset: r.baseOffset, logAppendTimeMs: r.logAppendTimeMs, logStartOffset: r.logStartOffset, recordErrors: [], errorMessage: null };
          } catch (err) {
            if (!(err instanceof KafkaError)) throw err;
            return { index: p.index, errorCode: err.code, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1, recordErrors: [], errorMessage: err.message };
          }
        }),
      })),
    };
  },
});
