import { resetRequest } from '@/lib/api/groups';
import { previewReset } from '@/lib/kafka/groups/reset';
import { authorizeResetScope } from '@/lib/server/group-scope';
import { parseBody, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// A preview changes nothing, so it is allowed on read-only clusters too (the plan says it cannot run).
export const POST = route<{ cluster: string; group: string }>('groups:reset', async (ctx) => {
  const body = await parseBody(ctx.request, resetRequest);
  await authorizeResetScope(ctx, body.scope);
  return previewReset(ctx.params.cluster, ctx.params.group, body);
});
