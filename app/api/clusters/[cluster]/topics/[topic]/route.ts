import 'server-only';
import { deleteTopicInput } from '@/lib/api/topic-admin';
import { deleteTopic } from '@/lib/kafka/topics/delete';
import { getTopicDetail } from '@/lib/kafka/topics/read';
import { topicGet, topicMutation } from '@/lib/server/topic-route';

export const dynamic = 'force-dynamic';

// DELETE /api/clusters/:cluster/topics/:topic  body { confirm: "<topic name>" }
export const DELETE = topicMutation('topics:delete', 'topic.delete', deleteTopicInput, {
  run: (cluster, topic, { confirm }) => deleteTopic(cluster, topic, confirm),
});

export const GET = topicGet(getTopicDetail);
