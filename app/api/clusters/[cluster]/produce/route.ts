import { produceInputSchema } from '@/lib/messages/api';
import { badRequest, payloadTooLarge } from '@/lib/api/errors';
import { produceMessage } from '@/lib/kafka/messages/produce';
import { mutation } from '@/lib/server/mutation';
import { parseWith } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Larger bodies are refused before parsing; the topic's own limit is checked when producing. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Produces one message; answers with the partition and offset it got. */
export const POST = mutation<{ cluster: string }>('message.produce', async ({ params, request, audit }) => {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw payloadTooLarge(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  const input = parseWith(produceInputSchema, body);
  audit.target = input.topic;
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
