import 'server-only';
import { purgeRecordsInput } from '@/lib/api/topic-admin';
import { purgeRecords } from '@/lib/kafka/topics/purge';
import { topicMutation } from '@/lib/server/topic-route';

export const dynamic = 'force-dynamic';

// DELETE /api/clusters/:cluster/topics/:topic/records
//   { scope: "all", confirm } or { scope: "partitions", offsets: [{ partition, offset }], confirm }
export const DELETE = topicMutation('topics:purge', 'topic.records.purge', purgeRecordsInput, {
  parameters: (body) => (body.scope === 'all' ? { scope: 'all' } : { scope: 'partitions', offsets: body.offsets }),
  run: (cluster, topic, body) => purgeRecords(cluster, topic, body),
  outcome: (result) => ({ deleted: result.deleted }),
});
