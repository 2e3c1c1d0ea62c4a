import { readGroup } from '@/lib/kafka/groups/service';
import { historyRoute } from '@/lib/server/history-route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

// GET /api/clusters/:cluster/groups/:group/history?metrics=group.lag,group.consume-rate&range=1h
// One line per topic (label = topic), only the topics the caller may see.
export const GET = historyRoute<{ cluster: string; group: string }>({
  kind: 'group',
  resolve: async ({ params }) => {
    await readGroup(params.cluster, params.group);
    return { kind: 'group', group: params.group };
  },
  keep: ({ params, principal }) => {
    const visible = visibilityFor(principal.access, params.cluster)?.topic;
    return visible && ((label) => label === null || visible(label));
  },
});
