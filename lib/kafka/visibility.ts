import type { RawGroup } from './groups/types';

// What one caller may see of a cluster, as plain predicates: lib/kafka filters its answers with
// them and never needs to know about users or roles. Undefined (or an undefined part) means
// everything is visible, and the code takes its unfiltered path.

export interface Visibility {
  /** The topics the caller may see; undefined: every topic. */
  topic?: (topic: string) => boolean;
  /** The groups the caller may see, given every topic the group reads; undefined: every group. */
  group?: (groupId: string, topics: readonly string[]) => boolean;
}

/** Every topic a group committed offsets to or has a member assigned to. */
export function groupTopics(group: RawGroup): string[] {
  const topics = new Set(group.offsets.keys());
  for (const m of group.members) for (const a of m.assignment) topics.add(a.topic);
  return [...topics];
}

/** True when the caller may see the group at all. */
export function groupVisible(group: RawGroup, visibility: Visibility | undefined): boolean {
  return !visibility?.group || visibility.group(group.groupId, groupTopics(group));
}

/**
 * The group as far as the caller may see it: offsets and assignments of hidden topics removed,
 * so that lag, worst partition and health are computed from the visible topics only.
 */
export function restrictGroup(group: RawGroup, topic: ((topic: string) => boolean) | undefined): RawGroup {
  if (!topic) return group;
  return {
    ...group,
    offsets: new Map([...group.offsets].filter(([t]) => topic(t))),
    members: group.members.map((m) => ({ ...m, assignment: m.assignment.filter((a) => topic(a.topic)) })),
  };
}
