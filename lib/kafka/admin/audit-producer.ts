import 'server-only';
import type { Producer } from 'kafkajs';
import { getKafka } from '../pool';

// Produces audit entries to a Kafka topic. One producer per cluster, connected on first use;
// a failed connection is forgotten so the next entry tries again.

const producers = new Map<string, Promise<Producer>>();

export async function produceAuditEntry(clusterId: string, topic: string, key: string, entry: object): Promise<void> {
  const producer = await connected(clusterId);
  try {
    await producer.send({
      topic,
      acks: -1,
      timeout: 5000,
      messages: [{ key, value: JSON.stringify(entry), headers: { 'content-type': 'application/json' } }],
    });
  } catch (error) {
    producers.delete(clusterId);
    await producer.disconnect().catch(() => undefined);
    throw error;
  }
}

function connected(clusterId: string): Promise<Producer> {
  let p = producers.get(clusterId);
  if (!p) {
    p = (async () => {
      const producer = (await getKafka(clusterId)).producer({
        allowAutoTopicCreation: false,
        retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1000 },
      });
      await producer.connect();
      return producer;
    })();
    producers.set(clusterId, p);
    p.catch(() => producers.delete(clusterId));
  }
  return p;
}

/** Disconnects every audit producer (tests and shutdown). */
export async function closeAuditProducers(): Promise<void> {
  const all = [...producers.values()];
  producers.clear();
  await Promise.all(all.map((p) => p.then((producer) => producer.disconnect()).catch(() => undefined)));
}
