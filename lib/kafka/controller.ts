import 'server-only';
import type { ApiCodec } from '@/lib/protocol/api-codec';
import { ErrorCode } from '@/lib/protocol/errors';
import { getMetadata, type ClusterMetadata } from './metadata';
import { clusterRpc } from './protocol-pool';

// Topic admin requests go to the controller: ZooKeeper-mode brokers answer NOT_CONTROLLER
// otherwise (KRaft brokers forward them). A NOT_CONTROLLER answer means nothing was done, so it
// is the one case sent again, after fresh metadata. Nothing else is retried: a mutation whose
// outcome is unknown must be reported, not repeated.

export async function callController<Req, Res>(
  clusterId: string,
  codec: ApiCodec<Req, Res>,
  request: Req,
  errorCodes: (response: Res) => number[],
): Promise<Res> {
  const rpc = await clusterRpc(clusterId);
  const send = (meta: ClusterMetadata) =>
    meta.controllerId !== null && meta.onlineBrokerIds.has(meta.controllerId)
      ? rpc.broker(meta.controllerId, codec, request)
      : rpc.any(codec, request);
  const response = await send(await getMetadata(clusterId));
  if (!errorCodes(response).includes(ErrorCode.NOT_CONTROLLER)) return response;
  return send(await getMetadata(clusterId, true));
}
