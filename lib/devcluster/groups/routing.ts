// Which broker may answer for a group, and how client addresses are shown (Kafka's "/ip" form).
import type { GroupCoordinator } from './coordinator';
import { ErrorCode } from '@/lib/protocol/errors';

/** NONE when `brokerId` coordinates `groupId`, else the error a client retries on. */
export function coordinatorError(groups: GroupCoordinator, groupId: string, brokerId: number): number {
  const owner = groups.coordinatorFor(groupId);
  if (owner === null) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  return owner === brokerId ? ErrorCode.NONE : ErrorCode.NOT_COORDINATOR;
}

/** "::ffff:127.0.0.1" -> "/127.0.0.1", as Kafka's DescribeGroups reports client hosts. */
export function clientHost(remoteAddress: string): string {
  const address = remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
  return `/${address}`;
}
