import 'server-only';
import { createTopicInput } from '@/lib/api/topic-admin';
import { topicListQuery } from '@/lib/api/topics';
import { createTopic } from '@/lib/kafka/topics/create';
import { getCluster } from '@/lib/kafka/clusters';
import { listTopics } from '@/lib/kafka/topics/read';
import { mutation } from '@/lib/server/mutation';
import { parseQuery, parseWith, readJsonBody, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

// POST /api/clusters/:cluster/topics — create a topic, or with validateOnly ask the broker
// whether it would create it.
export const POST = mutation<{ cluster: string }>('topics:create', 'topic.create', async ({ params, request, audit, authorize }) => {
  // Name the target (and keep what was asked) even when the body is refused, so a failed
  // attempt is findable by topic; recordAudit redacts and caps it. Read once, validated after.
  const raw = await readJsonBody(request);
  const attempted = asRecord(raw);
  if (typeof attempted?.name === 'string' && attempted.name) audit.target = attempted.name.slice(0, 300);
  if (attempted) audit.parameters = attempted;
  const body = parseWith(createTopicInput, raw);
  authorize('topics:create', { topic: body.name });
  audit.target = body.name;
  audit.parameters = { partitions: body.partitions, replicationFactor: body.replicationFactor, configs: body.configs, validateOnly: body.validateOnly };
  if (body.validateOnly) audit.action = 'topic.create.validate';
  return createTopic(params.cluster, { name: body.name, partitions: body.partitions, replicationFactor: body.replicationFactor, configs: body.configs }, body.validateOnly);
});

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export const GET = route<{ cluster: string }>('view', async ({ params, request, principal }) => {
  const query = parseQuery(request, topicListQuery);
  await getCluster(params.cluster);
  return listTopics(params.cluster, query, undefined, visibilityFor(principal.access, params.cluster));
});
