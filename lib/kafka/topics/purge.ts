import 'server-only';
import type { PurgeRecordsInput, PurgeRecordsResult } from '@/lib/api/topic-admin';
import { ApiError, badRequest, fieldError } from '@/lib/api/errors';
import { ErrorCode, kafkaErrorInfo } from '@/lib/protocol/errors';
import { DeleteRecords } from '@/lib/protocol/generated';
import { invalidate } from '../cache';
import { cacheKeys } from '../cache-keys';
import { getTopicMeta } from '../metadata';
import { listPartitionOffsets } from '../offsets';
import { clusterRpc } from '../protocol-pool';
import { brokerError } from './errors';

// Purging records with DeleteRecords: everything, or each chosen partition up to an offset.
// Offsets are checked against the partition's current range first; the request goes to each
// partition's leader; the answer says how many records each partition lost.

const HIGH_WATERMARK = -1;

export async function purgeRecords(clusterId: string, topic: string, input: PurgeRecordsInput): Promise<PurgeRecordsResult> {
  if (input.confirm !== topic) throw fieldError('confirm', `Type the topic name exactly ("${topic}") to confirm the purge.`);
  const meta = await getTopicMeta(clusterId, topic, true);
  if (meta.internal) throw fieldError('confirm', `"${topic}" is an internal Kafka topic; its records are not purged from a console.`);
  const refs = meta.partitions.map((p) => ({ topic, partition: p.partition }));
  const [earliest, latest] = await Promise.all([
    listPartitionOffsets(clusterId, refs, 'earliest'),
    listPartitionOffsets(clusterId, refs, 'latest'),
  ]);
  const low = (p: number) => earliest.get(topic)?.get(p);
  const high = (p: number) => latest.get(topic)?.get(p);

  const wanted = new Map<number, number>();
  if (input.scope === 'all') {
    for (const p of meta.partitions) wanted.set(p.partition, HIGH_WATERMARK);
  } else {
    const errors: Record<string, string> = {};
    input.offsets.forEach(({ partition, offset }, i) => {
      const end = high(partition);
      if (!meta.partitions.some((p) => p.partition === partition)) {
        errors[`offsets.${i}.partition`] = `"${topic}" has no partition ${partition} (it has ${meta.partitions.length}).`;
      } else if (wanted.has(partition)) {
        errors[`offsets.${i}.partition`] = `Partition ${partition} is listed twice.`;
      } else if (end === undefined) {
        errors[`offsets.${i}.partition`] = `Partition ${partition} has no leader right now; try again later.`;
      } else if (offset > end) {
        errors[`offsets.${i}.offset`] = `Partition ${partition} ends at offset ${end}; records before ${offset} do not all exist.`;
      }
      wanted.set(partition, offset);
    });
    const problems = Object.entries(errors);
    if (problems.length > 0) throw badRequest(`${problems[0][0]}: ${problems[0][1]}`, { fields: errors });
  }

  const byLeader = new Map<number, { partitionIndex: number; offset: number }[]>();
  for (const [partition, offset] of wanted) {
    const leader = meta.partitions.find((p) => p.partition === partition)!.leader;
    if (leader < 0) throw brokerError(ErrorCode.LEADER_NOT_AVAILABLE, `Partition ${partition} has no leader right now; nothing was purged.`);
    byLeader.set(leader, [...(byLeader.get(leader) ?? []), { partitionIndex: partition, offset }]);
  }

  const rpc = await clusterRpc(clusterId);
  const results: PurgeRecordsResult['partitions'] = [];
  const failures: string[] = [];
  await Promise.all(
    [...byLeader].map(async ([leader, partitions]) => {
      try {
        const response = await rpc.broker(leader, DeleteRecords, { topics: [{ name: topic, partitions }], timeoutMs: 15_000 });
        for (const p of response.topics.flatMap((t) => t.partitions)) {
          if (p.errorCode !== ErrorCode.NONE) {
            failures.push(`partition ${p.partitionIndex}: ${kafkaErrorInfo(p.errorCode).message || kafkaErrorInfo(p.errorCode).name}`);
            continue;
          }
          const before = low(p.partitionIndex) ?? p.lowWatermark;
          results.push({ partition: p.partitionIndex, before, after: p.lowWatermark, deleted: Math.max(0, p.lowWatermark - before) });
        }
      } catch (error) {
        failures.push(`partitions ${partitions.map((p) => p.partitionIndex).join(', ')}: ${(error as Error).message}`);
      }
    }),
  );
  invalidate(cacheKeys.cluster(clusterId));
  results.sort((a, b) => a.partition - b.partition);
  if (failures.length > 0) {
    const done = results.length ? ` Purged meanwhile: ${results.map((r) => `partition ${r.partition} (${r.deleted} records)`).join(', ')}.` : ' Nothing was purged.';
    throw new ApiError(422, 'unprocessable', `Purge failed for ${failures.join('; ')}.${done}`, { partitions: results });
  }
  return { topic, partitions: results, deleted: results.reduce((n, r) => n + r.deleted, 0) };
}
