import 'server-only';
import { addPartitionsInput } from '@/lib/api/topic-admin';
import { addPartitions } from '@/lib/kafka/topics/partitions';
import { topicMutation } from '@/lib/server/topic-route';

export const dynamic = 'force-dynamic';

// POST /api/clusters/:cluster/topics/:topic/partitions  { partitions: <new total>, validateOnly }
export const POST = topicMutation('topics:edit', 'topic.partitions.add', addPartitionsInput, {
  parameters: (body) => ({ partitions: body.partitions, validateOnly: body.validateOnly }),
  validateAction: 'topic.partitions.validate',
  run: (cluster, topic, body) => addPartitions(cluster, topic, body.partitions, body.validateOnly),
  outcome: (result) => ({ before: result.before }),
});
