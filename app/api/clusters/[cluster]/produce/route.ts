import { badRequest } from '@/lib/api/errors';
import { appConfig } from '@/lib/kafka/clusters';
import { produceBodyLimit, produceMessage } from '@/lib/kafka/messages/produce';
import { produceInputSchema } from '@/lib/api/produce';
import { mutation } from '@/lib/server/mutation';
import { parseBody } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Produces one message; answers with the partition and offset it got. With `?topic=` the body is
 * capped by that topic's max.message.bytes (plus room for the JSON encoding) before any of it is
 * held in memory: a larger body is refused with a 413 naming the topic's limit. Without it the
 * cap is limits.produceMaxBytes. Either way, the encoded batch is then checked against the limit.
 */
export const POST = mutation<{ cluster: string }>('messages:produce', 'message.produce', async ({ params, request, audit, authorize }) => {
  const named = new URL(request.url).searchParams.get('topic') || undefined;
  if (named) {
    audit.target = named;
    // Before its configs are read: a topic the caller may not write to is not looked at.
    authorize('messages:produce', { topic: named });
  }
  const cap = named ? await produceBodyLimit(params.cluster, named) : await defaultBodyLimit();
  const input = await parseBody(request, produceInputSchema, cap);
  if (named && input.topic !== named) throw badRequest(`The body names topic "${input.topic}" but the URL names "${named}".`);
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

async function defaultBodyLimit() {
  const maxBytes = (await appConfig()).limits.produceMaxBytes;
  return {
    maxBytes,
    tooLargeMessage: `The request body is larger than ${maxBytes.toLocaleString('en-US')} bytes (CONSOLE_PRODUCE_MAX_BYTES). Name the topic in the URL (?topic=) to be allowed up to its max.message.bytes.`,
  };
}
