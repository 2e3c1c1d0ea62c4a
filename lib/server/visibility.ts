import 'server-only';
import { patternMatcher, type Access } from '@/lib/auth/access';
import type { Visibility } from '@/lib/kafka/visibility';

// Turns a caller's access into the predicates lib/kafka filters its lists with. A caller who sees
// every topic and every group gets undefined: the lists then do no filtering work at all.

export function visibilityFor(access: Access, cluster: string): Visibility | undefined {
  const allTopics = access.seesAllTopics('view', cluster);
  const allGroups = seesAllGroups(access, cluster);
  if (allTopics && allGroups) return undefined;
  return {
    topic: allTopics ? undefined : (topic) => access.canTopic('view', cluster, topic),
    group: allGroups ? undefined : (group, topics) => access.can('view', cluster, { group, topics }),
  };
}

/** A view rule limited neither by topics nor by groups covers every group (Access has no such question). */
function seesAllGroups(access: Access, cluster: string): boolean {
  return access.rules.some(
    (r) =>
      r.actions.includes('view') &&
      r.clusters.some((p) => patternMatcher(p)(cluster)) &&
      r.topics === undefined &&
      (r.groups === undefined || r.groups.includes('*')),
  );
}
