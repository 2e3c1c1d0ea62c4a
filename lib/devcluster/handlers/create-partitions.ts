/**
 * CreatePartitions (key 37), v0-3. Grows a topic; a count that is not higher than the current one
 * gets INVALID_PARTITIONS. New replicas follow Kafka's assignment continuing from the existing
 * layout, or the given assignments (INVALID_REPLICA_ASSIGNMENT when inconsistent).
 * validateOnly checks without changing anything.
 */
import { CreatePartitions } from '@/lib/protocol/generated';
import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

export const createPartitionsHandler = defineHandler({
  codec: CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  handle({ cluster }, req) {
    return {
      throttleTimeMs: 0,
      results: req.topics.map((t) => {
        try {
          cluster.createPartitions(t.name, t.count, t.assignments ? t.assignments.map((a) => a.brokerIds) : null, req.validateOnly);
          return { name: t.name, errorCode: ErrorCode.NONE, errorMessage: null };
        } catch (err) {
          if (!(err instanceof KafkaError)) throw err;
          return { name: t.name, errorCode: err.code, errorMessage: err.message };
        }
      }),
    };
  },
});
