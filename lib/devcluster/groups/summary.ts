// ListGroups / DescribeGroups views of a group, with Kafka's rules for what is shown when.
import { ErrorCode } from '@/lib/protocol/errors';
import type { Group } from './group';
import type { DescribedGroup, ListedGroup } from './types';

const EMPTY = Buffer.alloc(0);

export function listedGroup(group: Group): ListedGroup {
  return { groupId: group.groupId, protocolType: group.protocolType ?? '', groupState: group.state, groupType: 'classic' };
}

/**
 * Kafka describes an unknown group as Dead with no error (DescribeGroups v0-v5). Member metadata,
 * assignments and the protocol name are only meaningful once a generation is Stable, so other
 * states list members without them.
 */
export function describeGroup(groupId: string, group: Group | undefined): DescribedGroup {
  if (!group) {
    return { errorCode: ErrorCode.NONE, groupId, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
  }
  const stable = group.state === 'Stable';
  return {
    errorCode: ErrorCode.NONE,
    groupId,
    groupState: group.state,
    protocolType: group.protocolType ?? '',
    protocolData: stable ? (group.protocolName ?? '') : '',
    members: [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      memberMetadata: stable ? group.memberMetadata(m, group.protocolName) : EMPTY,
      memberAssignment: stable ? m.assignment : EMPTY,
    })),
  };
}
