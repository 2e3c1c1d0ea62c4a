import { replayInputSchema } from '@/lib/api/produce';
import { replayMessages } from '@/lib/kafka/messages/replay';
import { refuseIfMasked } from '@/lib/server/masking';
import { mutation } from '@/lib/server/mutation';
import { parseBody } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Replays messages into a topic and answers when done, with counts checked against the target's
 * offsets. While it runs, GET replay/<jobId> reports progress and DELETE replay/<jobId> stops it.
 */
export const POST = mutation<{ cluster: string }>('messages:replay', 'message.replay', async ({ params, request, principal, audit, authorize }) => {
  const input = await parseBody(request, replayInputSchema);
  audit.target = `${input.topic} -> ${input.target.topic}`;
  authorize('messages:read', { topic: input.topic });
  authorize('messages:replay', { topic: input.target.topic });
  const source = input.source.mode === 'messages' ? { mode: 'messages', count: input.source.messages.length } : input.source;
  audit.parameters = { source, target: input.target, keepTimestamp: input.keepTimestamp };
  refuseIfMasked(principal, params.cluster, input.topic);
  const result = await replayMessages(params.cluster, input, request.signal);
  audit.parameters = { ...(audit.parameters as object), produced: result.produced, verified: result.verified, cancelled: result.cancelled };
  return result;
});
