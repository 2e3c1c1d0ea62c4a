import 'server-only';
import { notFound } from 'next/navigation';
import { brokerExistence, clusterExistence, groupExistence, topicExistence, type Existence } from './existence';

// Pages for a cluster, topic, group or broker that does not exist answer HTTP 404 with the
// not-found page, decided on the server before anything is sent.

function notFoundIfMissing(outcome: Existence): void {
  if (outcome === 'missing') notFound();
}

export const requireCluster = async (cluster: string) => notFoundIfMissing(await clusterExistence(cluster));

export const requireTopic = async (cluster: string, topic: string) => notFoundIfMissing(await topicExistence(cluster, topic));

export const requireGroup = async (cluster: string, group: string) => notFoundIfMissing(await groupExistence(cluster, group));

/** The broker's id, once it is known not to be missing. */
export async function requireBroker(cluster: string, broker: string): Promise<number> {
  notFoundIfMissing(await brokerExistence(cluster, broker));
  return Number(broker);
}
