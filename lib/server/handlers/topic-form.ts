import 'server-only';
import { z } from 'zod';
import { topicNameParam } from '@/lib/api/common';
import { getCluster } from '@/lib/kafka/clusters';
import { topicFormContext } from '@/lib/kafka/admin/describe';
import { parseQuery, route } from '../route';

const query = z.strictObject({ topic: topicNameParam.optional() });

// GET /api/clusters/:cluster/admin/topic-form?topic= — what the create form and the settings page
// check against: live brokers, existing names, known configs and defaults, and the topic itself.
export const GET = route<{ cluster: string }>('view', async ({ params, request }) => {
  const { topic } = parseQuery(request, query);
  await getCluster(params.cluster);
  return topicFormContext(params.cluster, topic);
});
