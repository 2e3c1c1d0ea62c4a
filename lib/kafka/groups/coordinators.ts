import 'server-only';
import { notFound } from '@/lib/api/errors';
import type { ClusterClient } from '@/lib/protocol/client';
import { ErrorCode, KafkaProtocolError } from '@/lib/protocol/errors';
import { FindCoordinator } from '@/lib/protocol/generated';
import { mapLimit } from '@/lib/map-limit';
import { chunks, send, sharedVersion } from './requests';

const GROUP_KEY = 0;
const KEYS_PER_REQUEST = 1000;

/**
 * The coordinator broker of each group: FindCoordinator v4+ takes many keys in one request;
 * older brokers get one request per group, pipelined on one connection.
 */
export async function findCoordinators(client: ClusterClient, groupIds: readonly string[]): Promise<Map<string, number | Error>> {
  const out = new Map<string, number | Error>();
  if (groupIds.length === 0) return out;
  const conn = await client.anyBroker();
  const version = sharedVersion(conn, FindCoordinator);
  if (version < 0) throw notFound('The cluster does not support FindCoordinator.');
  if (version >= 4) {
    await Promise.all(
      chunks(groupIds, KEYS_PER_REQUEST).map(async (keys) => {
        const res = await send(conn, FindCoordinator, { keyType: GROUP_KEY, coordinatorKeys: keys });
        for (const c of res.coordinators ?? []) {
          out.set(c.key, c.errorCode === ErrorCode.NONE ? c.nodeId : new KafkaProtocolError(c.errorCode, c.errorMessage));
        }
      }),
    );
  } else {
    await mapLimit(groupIds, 64, async (key) => {
      const res = await send(conn, FindCoordinator, { key, keyType: GROUP_KEY });
      out.set(key, res.errorCode ? new KafkaProtocolError(res.errorCode, res.errorMessage) : (res.nodeId ?? -1));
    });
  }
  return out;
}
