import { appConfig, getCluster } from '@/lib/kafka/clusters';
import { payloadTooLarge } from '@/lib/api/errors';
import { messageDownloadQuery, messagePositionParams } from '@/lib/api/messages';
import { readMessage } from '@/lib/kafka/messages/browse';
import { maskerFor } from '@/lib/server/masking';
import { withSlot } from '@/lib/server/concurrency';
import { parseQuery, parseWith, route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * One message in full (payloads past limits.messageMaxBytes cut and marked `truncated`);
 * `?download=key|value` answers with the raw bytes as a file (masked like the message), or 413 for a payload past that limit.
 */
export const GET = route<{ cluster: string; topic: string; partition: string; offset: string }>('messages:read', async ({ params, request, principal }) => {
  const { partition, offset } = parseWith(messagePositionParams, params);
  const { download } = parseQuery(request, messageDownloadQuery);
  await getCluster(params.cluster);
  const masker = await maskerFor(principal, params.cluster, params.topic);
  const message = await withSlot('read', params.cluster, principal.name, () => readMessage(params.cluster, params.topic, partition, offset, masker));
  if (!download) return message;
  const payload = message[download];
  if (payload?.truncated) {
    throw payloadTooLarge(
      `The ${download} is ${payload.size.toLocaleString('en-US')} bytes; the console serves at most ${(await appConfig()).limits.messageMaxBytes.toLocaleString('en-US')} bytes of one payload (CONSOLE_MESSAGE_MAX_BYTES). Read it with a Kafka client instead.`,
    );
  }
  const bytes = payload === null ? Buffer.alloc(0) : Buffer.from(payload.data, payload.encoding === 'utf8' ? 'utf8' : 'base64');
  const name = `${params.topic}-${partition}-${offset}-${download}.${payload?.encoding === 'utf8' ? 'txt' : 'bin'}`.replace(/[^\w.-]/g, '_');
  return new Response(bytes, {
    headers: {
      'content-type': payload?.encoding === 'utf8' ? 'text/plain; charset=utf-8' : 'application/octet-stream',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
});
