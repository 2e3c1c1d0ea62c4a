import 'server-only';
import type { AddPartitionsResult } from '@/lib/api/topic-admin';
import { fieldError } from '@/lib/api/errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { CreatePartitions } from '@/lib/protocol/generated';
import { invalidate } from '../cache';
import { cacheKeys } from '../cache-keys';
import { getTopicMeta } from '../metadata';
import { callController } from '../controller';
import { brokerError } from './errors';

// Adding partitions. Kafka cannot remove them, so the new total must be larger than today's;
// the form warns that keyed records will hash to different partitions from then on.

export async function addPartitions(clusterId: string, topic: string, total: number, validateOnly: boolean): Promise<AddPartitionsResult> {
  const meta = await getTopicMeta(clusterId, topic, true);
  const before = meta.partitions.length;
  if (meta.internal) throw fieldError('partitions', `"${topic}" is an internal Kafka topic; its partitions are not changed from a console.`);
  if (total <= before) {
    throw fieldError('partitions', `"${topic}" has ${before} partition${before === 1 ? '' : 's'}; the new count must be larger (Kafka cannot remove partitions).`);
  }
  const response = await callController(
    clusterId,
    CreatePartitions,
    { topics: [{ name: topic, count: total, assignments: null }], timeoutMs: 15_000, validateOnly },
    (r) => r.results.map((x) => x.errorCode),
  );
  const result = response.results[0];
  if (!result) throw brokerError(ErrorCode.UNKNOWN_SERVER_ERROR, 'The broker answered without a result for the topic.');
  if (result.errorCode !== ErrorCode.NONE) throw brokerError(result.errorCode, result.errorMessage, 'partitions');
  if (!validateOnly) invalidate(cacheKeys.cluster(clusterId));
  return { topic, validateOnly, before, after: validateOnly ? before : total };
}
