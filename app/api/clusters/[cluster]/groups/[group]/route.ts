import { z } from 'zod';
import { refreshParam } from '@/lib/api/common';
import { deleteGroupInput } from '@/lib/api/groups';
import { deleteGroup } from '@/lib/kafka/groups/delete';
import { groupDetail } from '@/lib/kafka/groups/service';
import { authorizeWholeGroup } from '@/lib/server/group-scope';
import { mutation } from '@/lib/server/mutation';
import { parseBody, parseQuery, route } from '@/lib/server/route';
import { visibilityFor } from '@/lib/server/visibility';

export const dynamic = 'force-dynamic';

const query = z.object({ refresh: refreshParam });

export const GET = route<{ cluster: string; group: string }>('view', async ({ params, request, principal }) => {
  const { refresh } = parseQuery(request, query);
  return groupDetail(params.cluster, params.group, refresh, visibilityFor(principal.access, params.cluster));
});

// Body { confirm: "<group id>" }: the group id typed again, or nothing is deleted.
export const DELETE = mutation<{ cluster: string; group: string }>('groups:delete', 'group.delete', async (ctx) => {
  const { params, request } = ctx;
  const { confirm } = await parseBody(request, deleteGroupInput);
  await authorizeWholeGroup(ctx, 'delete its offsets topic by topic');
  return deleteGroup(params.cluster, params.group, confirm);
});
