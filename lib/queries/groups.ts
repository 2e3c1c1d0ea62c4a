import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiPost } from '@/lib/api/fetcher';
import type {
  DeleteOffsetsResult,
  GroupDetail,
  GroupsPage,
  GroupsQuery,
  ResetExecuteRequest,
  ResetPlan,
  ResetRequest,
  ResetResult,
  TopicConsumers,
} from '@/lib/api/groups';
import { clusterKeys } from './clusters';
import { POLL_MS } from './constants';
import { historyKeys } from './history';
import { invalidateAfterDelete } from './invalidate';
import { refreshablePath } from './refresh';

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}`;
const groupPath = (cluster: string, group: string) => `${base(cluster)}/groups/${encodeURIComponent(group)}`;

export const groupKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'groups'] as const,
  list: (cluster: string, query: GroupsQuery) => [...groupKeys.all(cluster), 'list', query] as const,
  detail: (cluster: string, group: string) => [...groupKeys.all(cluster), 'detail', group] as const,
  topicConsumers: (cluster: string, topic: string) => [...groupKeys.all(cluster), 'topic', topic] as const,
};

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query) as [string, unknown][]) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const groupsListQuery = (cluster: string, query: GroupsQuery) =>
  queryOptions({
    queryKey: groupKeys.list(cluster, query),
    queryFn: ({ queryKey }) => apiFetch<GroupsPage>(refreshablePath(queryKey, `${base(cluster)}/groups${queryString(query)}`)),
    refetchInterval: POLL_MS,
    placeholderData: keepPreviousData,
  });

export const groupDetailQuery = (cluster: string, group: string) =>
  queryOptions({
    queryKey: groupKeys.detail(cluster, group),
    queryFn: ({ queryKey }) => apiFetch<GroupDetail>(refreshablePath(queryKey, groupPath(cluster, group))),
    refetchInterval: POLL_MS,
  });

export const topicConsumersQuery = (cluster: string, topic: string) =>
  queryOptions({
    queryKey: groupKeys.topicConsumers(cluster, topic),
    queryFn: ({ queryKey }) => apiFetch<TopicConsumers>(refreshablePath(queryKey, `${base(cluster)}/topics/${encodeURIComponent(topic)}/consumers`)),
    refetchInterval: POLL_MS,
  });

export const useGroupsList = (cluster: string, query: GroupsQuery) => useQuery(groupsListQuery(cluster, query));
export const useGroupDetail = (cluster: string, group: string) => useQuery(groupDetailQuery(cluster, group));
export const useTopicConsumers = (cluster: string, topic: string) => useQuery(topicConsumersQuery(cluster, topic));

export function useResetPreview(cluster: string, group: string) {
  return useMutation({
    mutationFn: (request: ResetRequest) => apiPost<ResetPlan>(`${groupPath(cluster, group)}/reset-offsets/preview`, request),
  });
}

export function useResetOffsets(cluster: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ResetExecuteRequest) => apiPost<ResetResult>(`${groupPath(cluster, group)}/reset-offsets`, request),
    onSettled: () => client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) }),
  });
}

export function useDeleteGroup(cluster: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    // `confirm` is what the user typed; the server deletes only if it equals the group id.
    mutationFn: (confirm: string) => apiPost<{ groupId: string }>(groupPath(cluster, group), { confirm }, 'DELETE'),
    onSuccess: () => invalidateAfterDelete(client, cluster, [groupKeys.detail(cluster, group), historyKeys.scope(cluster, { kind: 'group', group })]),
  });
}

export function useDeleteGroupOffsets(cluster: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ topic, confirm }: { topic: string; confirm: string }) =>
      apiPost<DeleteOffsetsResult>(`${groupPath(cluster, group)}/offsets?topic=${encodeURIComponent(topic)}`, { confirm }, 'DELETE'),
    onSettled: () => client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) }),
  });
}
