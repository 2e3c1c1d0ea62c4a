import { resetExecuteRequest } from '@/lib/api/groups';
import { executeReset } from '@/lib/kafka/groups/reset';
import { mutation } from '@/lib/server/mutation';
import { authorizeResetScope } from '@/lib/server/group-scope';
import { parseBody } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// The preview's body plus `confirm: true`; the preview route itself needs no confirmation.
export const POST = mutation<{ cluster: string; group: string }>('groups:reset', 'group.reset-offsets', async (ctx) => {
  const { params, request, audit } = ctx;
  const body = await parseBody(request, resetExecuteRequest);
  const { scope, strategy } = body;
  audit.parameters = { scope, strategy };
  await authorizeResetScope(ctx, scope);
  const result = await executeReset(params.cluster, params.group, body);
  audit.parameters = { scope, strategy, partitions: result.rows.map((r) => ({ topic: r.topic, partition: r.partition, from: r.current, to: r.target })) };
  return result;
});
