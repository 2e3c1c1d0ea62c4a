import { notFound } from '@/lib/api/errors';
import { getCluster } from '@/lib/kafka/clusters';
import { jobKey } from '@/lib/kafka/messages/replay';
import { cancelJob, jobProgressSoon } from '@/lib/kafka/messages/replay-jobs';
import { mutation } from '@/lib/server/mutation';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/** Progress of a replay started in this console process. */
export const GET = route<{ cluster: string; job: string }>('messages:replay', async ({ params }) => {
  await getCluster(params.cluster);
  const progress = await jobProgressSoon(jobKey(params.cluster, params.job), 3_000);
  if (!progress) throw notFound(`No replay "${params.job}" is known (finished replays are kept for 10 minutes).`);
  return progress;
});

/** Stops a running replay; what was produced so far stays. */
export const DELETE = mutation<{ cluster: string; job: string }>('messages:replay', 'message.replay.cancel', async ({ params, audit }) => {
  audit.target = params.job;
  if (!cancelJob(jobKey(params.cluster, params.job))) throw notFound(`No running replay "${params.job}".`);
  return { cancelled: true };
});
