import 'server-only';
import { topicNameParam } from '@/lib/api/common';
import { deleteTopicInput } from '@/lib/api/topic-admin';
import { deleteTopic } from '@/lib/kafka/admin/delete-topic';
import { mutation } from '../mutation';
import { parseBody, parseWith } from '../route';

// DELETE /api/clusters/:cluster/topics/:topic  body { confirm: "<topic name>" }
export const DELETE = mutation<{ cluster: string; topic: string }>('topic.delete', async ({ params, request }) => {
  const topic = parseWith(topicNameParam, params.topic);
  const { confirm } = await parseBody(request, deleteTopicInput);
  return deleteTopic(params.cluster, topic, confirm);
});
