import 'server-only';
import { topicNameParam } from '@/lib/api/common';
import { addPartitionsInput } from '@/lib/api/topic-admin';
import { addPartitions } from '@/lib/kafka/admin/partitions';
import { mutation } from '../mutation';
import { parseBody, parseWith } from '../route';

// POST /api/clusters/:cluster/topics/:topic/partitions  { partitions: <new total>, validateOnly }
export const POST = mutation<{ cluster: string; topic: string }>('topic.partitions.add', async ({ params, request, audit }) => {
  const topic = parseWith(topicNameParam, params.topic);
  const body = await parseBody(request, addPartitionsInput);
  const parameters = { partitions: body.partitions, validateOnly: body.validateOnly };
  audit.parameters = parameters;
  if (body.validateOnly) audit.action = 'topic.partitions.validate';
  const result = await addPartitions(params.cluster, topic, body.partitions, body.validateOnly);
  audit.parameters = { ...parameters, before: result.before };
  return result;
});
