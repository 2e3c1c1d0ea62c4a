import 'server-only';
import { badRequest, conflict, notFound } from '@/lib/api/errors';
import { CONFIRM_GROUP_MESSAGE, CONFIRM_TOPIC_MESSAGE, type DeleteOffsetsResult } from '@/lib/api/groups';
import { invalidate } from '@/lib/kafka/cache';
import { cacheKeys } from '@/lib/kafka/cache-keys';
import { ErrorCode, KafkaProtocolError } from '@/lib/protocol/errors';
import { DeleteGroups, OffsetDelete } from '@/lib/protocol/generated';
import { protocolClient, send } from './requests';
import { readGroup } from './service';

// Both deletions need their target typed again (`confirm`), checked here before anything is read
// or sent, so no caller can delete without it.

/** DeleteGroups on the group's coordinator; Kafka refuses while members are active. */
export async function deleteGroup(clusterId: string, groupId: string, confirm: string): Promise<{ groupId: string }> {
  if (confirm !== groupId) throw confirmMismatch(CONFIRM_GROUP_MESSAGE, groupId);
  const { group } = await readGroup(clusterId, groupId, true);
  if (group.members.length > 0) {
    throw conflict(`The group "${groupId}" has ${group.members.length} active member${group.members.length === 1 ? '' : 's'}; Kafka deletes only empty groups. Stop its consumers first.`);
  }
  const conn = await (await protocolClient(clusterId)).broker(group.coordinator ?? -1);
  const res = await send(conn, DeleteGroups, { groupsNames: [groupId] });
  invalidate(cacheKeys.cluster(clusterId));
  const code = res.results.find((r) => r.groupId === groupId)?.errorCode ?? ErrorCode.NONE;
  if (code === ErrorCode.NON_EMPTY_GROUP) throw conflict(`The group "${groupId}" is not empty any more (a consumer joined); nothing was deleted.`);
  if (code === ErrorCode.GROUP_ID_NOT_FOUND) throw notFound(`Consumer group "${groupId}" does not exist in this cluster.`);
  if (code) throw new KafkaProtocolError(code);
  return { groupId };
}

/** OffsetDelete of every committed partition of one topic; refused while a member subscribes to it. */
export async function deleteGroupOffsets(clusterId: string, groupId: string, topic: string, confirm: string): Promise<DeleteOffsetsResult> {
  if (confirm !== topic) throw confirmMismatch(CONFIRM_TOPIC_MESSAGE, topic);
  const { group } = await readGroup(clusterId, groupId, true);
  const partitions = (group.offsets.get(topic) ?? []).map((p) => p.partition);
  if (partitions.length === 0) throw notFound(`The group "${groupId}" has no committed offsets for topic "${topic}".`);
  const conn = await (await protocolClient(clusterId)).broker(group.coordinator ?? -1);
  const res = await send(conn, OffsetDelete, { groupId, topics: [{ name: topic, partitions: partitions.map((partitionIndex) => ({ partitionIndex })) }] });
  invalidate(cacheKeys.cluster(clusterId));
  const codes = [res.errorCode, ...res.topics.flatMap((t) => t.partitions.map((p) => p.errorCode))].filter((c) => c !== ErrorCode.NONE);
  if (codes.includes(ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC)) {
    throw conflict(`Members of "${groupId}" are subscribed to "${topic}"; Kafka deletes a topic's offsets only when no active member consumes it. Nothing was deleted.`);
  }
  if (codes.includes(ErrorCode.GROUP_ID_NOT_FOUND)) throw notFound(`Consumer group "${groupId}" does not exist in this cluster.`);
  if (codes.length) throw new KafkaProtocolError(codes[0]);
  return { groupId, topic, partitions };
}

function confirmMismatch(fieldMessage: string, expected: string) {
  return badRequest(`confirm does not match: ${fieldMessage} ("${expected}"). Nothing was deleted.`, { fields: { confirm: fieldMessage } });
}
