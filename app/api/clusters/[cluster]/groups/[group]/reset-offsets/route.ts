import { resetRequest } from '@/lib/api/groups';
import { executeReset } from '@/lib/kafka/groups/reset';
import { mutation } from '@/lib/server/mutation';
import { parseBody } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const POST = mutation<{ cluster: string; group: string }>('group.reset-offsets', async ({ params, request, audit }) => {
  const body = await parseBody(request, resetRequest);
  audit.parameters = body;
  const result = await executeReset(params.cluster, params.group, body);
  audit.parameters = { ...body, partitions: result.rows.map((r) => ({ topic: r.topic, partition: r.partition, from: r.current, to: r.target })) };
  return result;
});
