export { GroupCoordinator, type GroupCoordinatorOptions, type ListGroupsFilter } from './coordinator';
export {
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
  subscribedTopics,
  type Assignment,
  type Subscription,
  type TopicPartitions,
} from './consumer-protocol';
export { GROUP_STATES } from './types';
export type {
  CommittedOffset,
  DescribedGroup,
  DescribedMember,
  GroupCoordinatorHost,
  GroupProtocol,
  GroupState,
  HeartbeatParams,
  JoinGroupParams,
  JoinGroupResult,
  LeaveGroupResult,
  ListedGroup,
  MemberIdentity,
  OffsetCommitParams,
  OffsetDeleteResult,
  OffsetFetchResult,
  SyncGroupParams,
  SyncGroupResult,
  TopicPartitionErrors,
} from './types';
