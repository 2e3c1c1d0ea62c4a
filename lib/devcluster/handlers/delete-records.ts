/**
 * DeleteRecords (key 21), v0-2. Moves each partition's log start offset to the given offset
 * (-1: the high watermark); whole segments below it are dropped. Offsets past the high
 * watermark get OFFSET_OUT_OF_RANGE; only the leader answers.
 */
import { DeleteRecords } from '@/lib/protocol/generated';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

export const deleteRecordsHandler = defineHandler({
  codec: DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  handle({ cluster, broker }, req) {
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => {
          try {
            const low = cluster.deleteRecords(t.name, p.partitionIndex, broker.nodeId, p.offset);
            return { partitionIndex: p.partitionIndex, lowWatermark: low, errorCode: ErrorCode.NONE };
          } catch (err) {
            if (!(err instanceof KafkaError)) throw err;
            return { partitionIndex: p.partitionIndex, lowWatermark: -1, errorCode: err.code };
          }
        }),
      })),
    };
  },
});
