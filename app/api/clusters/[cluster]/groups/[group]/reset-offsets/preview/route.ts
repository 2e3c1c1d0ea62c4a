import { resetRequest } from '@/lib/api/groups';
import { previewReset } from '@/lib/kafka/groups/reset';
import { parseBody, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// A preview changes nothing, so it is allowed on read-only clusters too (the plan says it cannot run).
export const POST = route<{ cluster: string; group: string }>('groups:reset', async ({ params, request }) =>
  previewReset(params.cluster, params.group, await parseBody(request, resetRequest)),
);
