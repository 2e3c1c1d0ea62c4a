import { produceInputSchema } from '@/lib/messages/api';
import { produceMessage } from '@/lib/kafka/messages/produce';
import { mutation } from '@/lib/server/mutation';
import { parseBody } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Larger bodies are refused before parsing; the topic's own limit is checked when producing. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Produces one message; answers with the partition and offset it got. */
export const POST = mutation<{ cluster: string }>('messages:produce', 'message.produce', async ({ params, request, audit, authorize }) => {
  const input = await parseBody(request, produceInputSchema, { maxBytes: MAX_BODY_BYTES });
  audit.target = input.topic;
  authorize('messages:produce', { topic: input.topic });
  // Sizes and header names only: message contents may be sensitive and do not belong in the log.
  audit.parameters = {
    partition: input.partition,
    keyBytes: input.key === null ? null : Buffer.byteLength(input.key),
    valueBytes: input.value === null ? null : Buffer.byteLength(input.value),
    headers: input.headers.map((h) => h.key),
    compression: input.compression,
  };
  return produceMessage(params.cluster, input);
});
