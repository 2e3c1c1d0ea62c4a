import 'server-only';
import { fieldError } from '@/lib/api/errors';
import { ZERO_UUID } from '@/lib/protocol/codec-runtime';
import { ErrorCode } from '@/lib/protocol/errors';
import { DeleteTopics } from '@/lib/protocol/generated';
import { invalidate } from '../cache';
import { cacheKeys } from '../cache-keys';
import { getTopicMeta } from '../metadata';
import { callController } from '../controller';
import { brokerError } from './errors';

// Deleting a topic needs its name typed again: the server checks it too, so a stray request (or
// a script with the wrong variable) cannot delete a topic it did not name twice.

export async function deleteTopic(clusterId: string, topic: string, confirm: string): Promise<{ topic: string; deleted: true }> {
  if (confirm !== topic) throw fieldError('confirm', `Type the topic name exactly ("${topic}") to confirm the deletion.`);
  const meta = await getTopicMeta(clusterId, topic, true);
  if (meta.internal) throw fieldError('confirm', `"${topic}" is an internal Kafka topic and is not deleted from a console.`);
  const response = await callController(
    clusterId,
    DeleteTopics,
    { topics: [{ name: topic, topicId: ZERO_UUID }], topicNames: [topic], timeoutMs: 15_000 },
    (r) => r.responses.map((x) => x.errorCode),
  );
  const result = response.responses[0];
  if (!result) throw brokerError(ErrorCode.UNKNOWN_SERVER_ERROR, 'The broker answered without a result for the topic.');
  if (result.errorCode !== ErrorCode.NONE) throw brokerError(result.errorCode, result.errorMessage);
  invalidate(cacheKeys.cluster(clusterId));
  return { topic, deleted: true };
}
