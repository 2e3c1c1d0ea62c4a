import { z } from 'zod';
import { deleteGroupOffsetsInput } from '@/lib/api/groups';
import { deleteGroupOffsets } from '@/lib/kafka/groups/delete';
import { mutation } from '@/lib/server/mutation';
import { parseBody, parseQuery } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

const query = z.object({ topic: z.string({ error: 'is required' }).min(1, 'is required') });

// ?topic=T with body { confirm: "T" }: the topic typed again, or nothing is deleted.
export const DELETE = mutation<{ cluster: string; group: string }>('groups:delete', 'group.delete-offsets', async ({ params, request, audit, authorize }) => {
  const { topic } = parseQuery(request, query);
  audit.parameters = { topic };
  authorize('view', { topic });
  const { confirm } = await parseBody(request, deleteGroupOffsetsInput);
  return deleteGroupOffsets(params.cluster, params.group, topic, confirm);
});
