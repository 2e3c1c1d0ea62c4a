// FindCoordinator v0-6. v0-3 look up one key, v4+ a batch (coordinatorKeys). Group keys (type 0)
// hash over the live brokers; transaction (1) and share-group (2) keys get a broker the same way
// so clients that ask are answered, though transactions themselves are not supported.
import { FindCoordinator, type FindCoordinatorRequest, type FindCoordinatorResponse } from '@/lib/protocol/generated/find-coordinator';
import { ErrorCode, kafkaErrorInfo } from '@/lib/protocol/errors';
import { defineHandler, type HandlerContext } from './types';

interface Found {
  nodeId: number;
  host: string;
  port: number;
  errorCode: number;
  errorMessage: string | null;
}

function failure(errorCode: number, detail?: string): Found {
  return { nodeId: -1, host: '', port: -1, errorCode, errorMessage: detail ?? kafkaErrorInfo(errorCode).message };
}

function find(ctx: HandlerContext, key: string, keyType: number): Found {
  if (keyType < 0 || keyType > 2) return failure(ErrorCode.INVALID_REQUEST, `Unknown coordinator key type ${keyType}`);
  const id = ctx.cluster.groups.coordinatorFor(key);
  const info = id === null ? undefined : ctx.cluster.brokerInfo(id);
  if (!info) return failure(ErrorCode.COORDINATOR_NOT_AVAILABLE);
  return { nodeId: info.nodeId, host: info.host, port: info.port, errorCode: ErrorCode.NONE, errorMessage: null };
}

export const findCoordinatorHandler = defineHandler<FindCoordinatorRequest, FindCoordinatorResponse>({
  codec: FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  handle(ctx, req, version) {
    const keyType = req.keyType ?? 0;
    if (version < 4) return { throttleTimeMs: 0, ...find(ctx, req.key ?? '', keyType) };
    return {
      throttleTimeMs: 0,
      coordinators: (req.coordinatorKeys ?? []).map((key) => ({ key, ...find(ctx, key, keyType) })),
    };
  },
});
