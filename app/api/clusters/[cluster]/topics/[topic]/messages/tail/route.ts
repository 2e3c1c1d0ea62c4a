import { tailQuerySchema, type TailEvent } from '@/lib/api/messages';
import { getCluster } from '@/lib/kafka/clusters';
import { sseResponse } from '@/lib/server/http-stream';
import { prepareTail } from '@/lib/kafka/messages/tail';
import { maskerFor } from '@/lib/server/masking';
import { acquireSlot } from '@/lib/server/concurrency';
import { parseQuery, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Live tail as server-sent events: messages arriving from now on that match the search terms.
 * 429 when the caller or the cluster already has as many tails open as allowed; the tail's slot
 * is given back when its stream ends or the browser goes away.
 */
export const GET = route<{ cluster: string; topic: string }>('messages:read', async ({ params, request, principal }) => {
  const { partitions, ...terms } = parseQuery(request, tailQuerySchema);
  await getCluster(params.cluster);
  const slot = await acquireSlot('tail', params.cluster, principal.name);
  try {
    const tail = await prepareTail(params.cluster, params.topic, partitions, terms, await maskerFor(principal, params.cluster, params.topic));
    return sseResponse<TailEvent>(request, async (send, signal) => {
      try {
        send({ type: 'ready', partitions: tail.ranges });
        await tail.run((batch) => send({ type: 'messages', ...batch }), signal);
      } finally {
        slot.release();
      }
    });
  } catch (error) {
    slot.release();
    throw error;
  }
});
