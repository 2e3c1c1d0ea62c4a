export { GroupCoordinator, type GroupCoordinatorOptions, type ListGroupsFilter } from './coordinator';
export { ErrorCode } from './error-codes';
export * from './consumer-protocol';
export type * from './types';
export { GROUP_STATES } from './types';
