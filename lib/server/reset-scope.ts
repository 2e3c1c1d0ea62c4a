import 'server-only';
import { forbidden } from '@/lib/api/errors';
import type { ResetRequest } from '@/lib/api/groups';
import { readGroup } from '@/lib/kafka/groups/service';
import { groupTopics } from '@/lib/kafka/visibility';
import type { RouteContext } from './route';
import { visibilityFor } from './visibility';

type Ctx = RouteContext<{ cluster: string; group: string }>;

/**
 * A reset may only move offsets of topics the caller may see: a named topic or partition is
 * checked directly, and "all" is refused when the group also reads topics hidden from the caller.
 */
export async function authorizeResetScope({ params, principal, authorize }: Ctx, scope: ResetRequest['scope']): Promise<void> {
  if (scope.type === 'topic') return authorize('view', { topic: scope.topic });
  if (scope.type === 'partitions') {
    for (const p of scope.partitions) authorize('view', { topic: p.topic });
    return;
  }
  const visible = visibilityFor(principal.access, params.cluster)?.topic;
  if (!visible) return;
  const { group } = await readGroup(params.cluster, params.group);
  if (groupTopics(group).some((t) => !visible(t))) {
    throw forbidden(`Group "${params.group}" also reads topics you may not see; reset it topic by topic.`);
  }
}
