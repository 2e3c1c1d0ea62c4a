/**
 * InitProducerId (key 22), v0-4. Hands idempotent producers a fresh producer id (epoch 0), or
 * bumps the epoch of the id a v3+ request presents. Transactional ids are refused with
 * INVALID_REQUEST: the dev cluster has no transaction coordinator.
 */
import { InitProducerId } from '@/lib/protocol/generated';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

export const initProducerIdHandler = defineHandler({
  codec: InitProducerId,
  minVersion: 0,
  maxVersion: 4,
  handle({ cluster }, req) {
    if (req.transactionalId !== null) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.INVALID_REQUEST, producerId: -1, producerEpoch: -1 };
    }
    if (req.producerId !== undefined && req.producerId >= 0 && req.producerEpoch !== undefined && req.producerEpoch >= 0) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId: req.producerId, producerEpoch: req.producerEpoch + 1 };
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId: cluster.nextProducerId(), producerEpoch: 0 };
  },
});
