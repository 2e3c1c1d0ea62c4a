import 'server-only';
import { produceMessage } from '@/lib/kafka/messages/produce';

// Copies audit entries to a Kafka topic, through the same Produce path (acks=all, leader moves
// followed) as the messages API: the console needs no second client for it.

export async function produceAuditEntry(clusterId: string, topic: string, key: string, entry: object): Promise<void> {
  await produceMessage(clusterId, {
    topic,
    partition: null,
    key,
    value: JSON.stringify(entry),
    valueFormat: 'json',
    headers: [{ key: 'content-type', value: 'application/json' }],
    compression: 'none',
  });
}
