import 'server-only';
import { topicNameParam } from '@/lib/api/common';
import { purgeRecordsInput } from '@/lib/api/topic-admin';
import { purgeRecords } from '@/lib/kafka/admin/purge';
import { mutation } from '../mutation';
import { parseBody, parseWith } from '../route';

// DELETE /api/clusters/:cluster/topics/:topic/records
//   { scope: "all", confirm } or { scope: "partitions", offsets: [{ partition, offset }], confirm }
export const DELETE = mutation<{ cluster: string; topic: string }>('topic.records.purge', async ({ params, request, audit }) => {
  const topic = parseWith(topicNameParam, params.topic);
  const body = await parseBody(request, purgeRecordsInput);
  const parameters = body.scope === 'all' ? { scope: 'all' } : { scope: 'partitions', offsets: body.offsets };
  audit.parameters = parameters;
  const result = await purgeRecords(params.cluster, topic, body);
  audit.parameters = { ...parameters, deleted: result.deleted };
  return result;
});
