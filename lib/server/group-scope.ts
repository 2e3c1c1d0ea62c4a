import 'server-only';
import { forbidden } from '@/lib/api/errors';
import type { ResetRequest } from '@/lib/api/groups';
import { readGroup } from '@/lib/kafka/groups/service';
import { groupTopics } from '@/lib/kafka/visibility';
import type { RouteContext } from './route';
import { visibilityFor } from './visibility';

// A caller limited to some topics may see a group that also reads others. Changes to such a group
// may only touch the offsets of topics the caller may see.

type Ctx = RouteContext<{ cluster: string; group: string }>;

/** A named topic or partition is checked directly; "all" is a change to the whole group. */
export async function authorizeResetScope(ctx: Ctx, scope: ResetRequest['scope']): Promise<void> {
  if (scope.type === 'topic') return ctx.authorize('view', { topic: scope.topic });
  if (scope.type === 'partitions') {
    for (const p of scope.partitions) ctx.authorize('view', { topic: p.topic });
    return;
  }
  await authorizeWholeGroup(ctx, 'reset it topic by topic');
}

/** Refuses a change to every offset of the group when the group also reads topics hidden from the caller. */
export async function authorizeWholeGroup({ params, principal }: Ctx, instead: string): Promise<void> {
  const visible = visibilityFor(principal.access, params.cluster)?.topic;
  if (!visible) return;
  const { group } = await readGroup(params.cluster, params.group);
  if (groupTopics(group).some((t) => !visible(t))) {
    throw forbidden(`Group "${params.group}" also reads topics you may not see; ${instead}.`);
  }
}
