import 'server-only';
import { ApiError, notFound } from '@/lib/api/errors';
import { getCluster } from '@/lib/kafka/clusters';
import { readGroup } from '@/lib/kafka/groups/service';
import { getMetadata, getTopicMeta } from '@/lib/kafka/metadata';

// Whether the cluster, topic, group or broker a page is about exists. Only a definite "no such
// thing" is 'missing': a cluster that is down or slow is 'unknown', and the page renders and lets
// the browser show that state.

export type Existence = 'found' | 'missing' | 'unknown';

const CHECK_WAIT_MS = 2_000;

/** `check(fresh)` rejects with a 404 when the thing does not exist; `fresh` bypasses the read cache. */
async function existence(check: (fresh: boolean) => Promise<unknown>): Promise<Existence> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Existence>((resolve) => {
    timer = setTimeout(() => resolve('unknown'), CHECK_WAIT_MS);
  });
  const attempt = (fresh: boolean) =>
    check(fresh).then(
      (): Existence => 'found',
      (error: unknown): Existence => (error instanceof ApiError && error.status === 404 ? 'missing' : 'unknown'),
    );
  // A miss in cached data is asked again fresh: it may predate the thing's creation.
  const outcome = await Promise.race([attempt(false).then((o) => (o === 'missing' ? attempt(true) : o)), deadline]);
  clearTimeout(timer);
  return outcome;
}

export const clusterExistence = (cluster: string) => existence(() => getCluster(cluster));

export const topicExistence = (cluster: string, topic: string) => existence((fresh) => getTopicMeta(cluster, topic, fresh));

export const groupExistence = (cluster: string, group: string) => existence((fresh) => readGroup(cluster, group, fresh));

/** A broker id that is not a number is as unknown as one the cluster does not have. */
export function brokerExistence(cluster: string, broker: string): Promise<Existence> {
  if (!/^\d+$/.test(broker)) return Promise.resolve('missing');
  const id = Number(broker);
  return existence(async (fresh) => {
    const meta = await getMetadata(cluster, fresh);
    if (!meta.brokers.some((b) => b.id === id)) throw notFound(`Broker ${id} is not part of this cluster.`);
  });
}
