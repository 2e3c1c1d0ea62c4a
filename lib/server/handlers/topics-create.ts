import 'server-only';
import { createTopicInput } from '@/lib/api/topic-admin';
import { createTopic } from '@/lib/kafka/admin/create-topic';
import { mutation } from '../mutation';
import { parseBody } from '../route';

// POST /api/clusters/:cluster/topics — create a topic, or with validateOnly ask the broker
// whether it would create it.
export const POST = mutation<{ cluster: string }>('topic.create', async ({ params, request, audit }) => {
  // Name the target even when the body is refused, so a failed attempt is findable by topic.
  const attempted = attemptedName(await request.clone().text().catch(() => ''));
  if (attempted) audit.target = attempted;
  const body = await parseBody(request, createTopicInput);
  audit.target = body.name;
  audit.parameters = { partitions: body.partitions, replicationFactor: body.replicationFactor, configs: body.configs, validateOnly: body.validateOnly };
  if (body.validateOnly) audit.action = 'topic.create.validate';
  return createTopic(params.cluster, { name: body.name, partitions: body.partitions, replicationFactor: body.replicationFactor, configs: body.configs }, body.validateOnly);
});

function attemptedName(text: string): string | undefined {
  if (!text || text.length > 1_000_000) return undefined;
  try {
    const name = (JSON.parse(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name ? name.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
