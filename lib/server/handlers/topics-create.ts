import 'server-only';
import { createTopicInput } from '@/lib/api/topic-admin';
import { createTopic } from '@/lib/kafka/admin/create-topic';
import { mutation } from '../mutation';
import { parseBody } from '../route';

// POST /api/clusters/:cluster/topics — create a topic, or with validateOnly ask the broker
// whether it would create it.
export const POST = mutation<{ cluster: string }>('topic.create', async ({ params, request, audit }) => {
  const body = await parseBody(request, createTopicInput);
  audit.target = body.name;
  audit.parameters = { partitions: body.partitions, replicationFactor: body.replicationFactor, configs: body.configs, validateOnly: body.validateOnly };
  if (body.validateOnly) audit.action = 'topic.create.validate';
  return createTopic(params.cluster, { name: body.name, partitions: body.partitions, replicationFactor: body.replicationFactor, configs: body.configs }, body.validateOnly);
});
