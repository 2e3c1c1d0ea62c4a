import 'server-only';
import { notFound } from 'next/navigation';
import { ApiError, notFound as notFoundError } from '@/lib/api/errors';
import { getCluster } from '@/lib/kafka/clusters';
import { readGroup } from '@/lib/kafka/groups/service';
import { getMetadata, getTopicMeta } from '@/lib/kafka/metadata';

// Pages for a cluster, topic, group or broker that does not exist answer HTTP 404 with the
// not-found page, decided on the server before anything is sent. Only a definite "no such thing"
// counts: a cluster that is down or slow lets the page render, and the browser shows that state.

const CHECK_WAIT_MS = 2_000;

type Outcome = 'found' | 'missing' | 'unknown';

async function requireExisting(check: () => Promise<unknown>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race<Outcome>([
    check().then(
      () => 'found',
      (error: unknown) => (error instanceof ApiError && error.status === 404 ? 'missing' : 'unknown'),
    ),
    new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve('unknown'), CHECK_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === 'missing') notFound();
}

export const requireCluster = (cluster: string) => requireExisting(() => getCluster(cluster));

export const requireTopic = (cluster: string, topic: string) => requireExisting(() => getTopicMeta(cluster, topic));

export const requireGroup = (cluster: string, group: string) => requireExisting(() => readGroup(cluster, group));

/** A broker id that is not a number is as unknown as one the cluster does not have. */
export async function requireBroker(cluster: string, broker: string): Promise<number> {
  if (!/^\d+$/.test(broker)) notFound();
  const id = Number(broker);
  await requireExisting(async () => {
    const meta = await getMetadata(cluster);
    if (!meta.brokers.some((b) => b.id === id)) throw notFoundError(`Broker ${id} is not part of this cluster.`);
  });
  return id;
}
