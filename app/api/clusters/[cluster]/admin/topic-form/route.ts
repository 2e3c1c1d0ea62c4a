import 'server-only';
import { topicNameParam } from '@/lib/api/common';
import { topicFormContext } from '@/lib/kafka/topics/form-context';
import { getCluster } from '@/lib/kafka/clusters';
import { parseQuery, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

const query = z.strictObject({ topic: topicNameParam.optional() });

// GET /api/clusters/:cluster/admin/topic-form?topic= — what the create form and the settings page
// check against: live brokers, existing names, known configs and defaults, and the topic itself.
export const GET = route<{ cluster: string }>('view', async ({ params, request, principal, authorize }) => {
  const { topic } = parseQuery(request, query);
  if (topic !== undefined) authorize('view', { topic });
  await getCluster(params.cluster);
  const context = await topicFormContext(params.cluster, topic);
  // The names are there to warn of a duplicate; the caller learns only of the topics it may see.
  const visible = visibilityFor(principal.access, params.cluster)?.topic;
  return visible ? { ...context, topicNames: context.topicNames.filter(visible) } : context;
});
