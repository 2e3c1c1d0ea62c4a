import { z } from 'zod';
import { deleteGroupOffsets } from '@/lib/kafka/groups/delete';
import { mutation } from '@/lib/server/mutation';
import { parseQuery } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const query = z.object({ topic: z.string({ error: 'is required' }).min(1, 'is required') });

export const DELETE = mutation<{ cluster: string; group: string }>('group.delete-offsets', async ({ params, request, audit }) => {
  const { topic } = parseQuery(request, query);
  audit.parameters = { topic };
  return deleteGroupOffsets(params.cluster, params.group, topic);
});
