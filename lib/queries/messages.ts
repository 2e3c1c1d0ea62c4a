import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiPost } from '@/lib/api/fetcher';
import type { TopicListResponse } from '@/lib/api/topics';
import type { BrowseResult, Message } from '@/lib/api/messages';
import type { ProduceInput, ProduceResult, ReplayInput, ReplayProgress, ReplayResult } from '@/lib/api/produce';
import { clusterKeys } from './clusters';
import { MESSAGES_STALE_MS, REPLAY_POLL_MS, TOPIC_NAMES_STALE_MS } from './constants';
import { topicKeys } from './topics';

// Browsing pages through react-query (the cursor is the page parameter); search and live tail
// are streams and live in use-search-stream.ts and use-tail.ts beside this file.

const clusterPath = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}`;
export const messagesPath = (cluster: string, topic: string) => `${clusterPath(cluster)}/topics/${encodeURIComponent(topic)}/messages`;

export const messageKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'messages'] as const,
  topic: (cluster: string, topic: string) => [...messageKeys.all(cluster), topic] as const,
  browse: (cluster: string, topic: string, query: string) => [...messageKeys.topic(cluster, topic), 'browse', query] as const,
  detail: (cluster: string, topic: string, partition: number, offset: number) => [...messageKeys.topic(cluster, topic), 'detail', partition, offset] as const,
  replay: (cluster: string, jobId: string) => [...messageKeys.all(cluster), 'replay', jobId] as const,
  topicNames: (cluster: string, q: string) => [...topicKeys.all(cluster), 'names', q] as const,
};

/** `query` is the browse query string (no cursor); later pages send the cursor, order and limit. */
export const browseQuery = (cluster: string, topic: string, query: string) =>
  infiniteQueryOptions({
    queryKey: messageKeys.browse(cluster, topic, query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      if (pageParam) {
        const next = new URLSearchParams({ cursor: pageParam });
        for (const k of ['order', 'limit']) if (params.has(k)) next.set(k, params.get(k)!);
        return apiFetch<BrowseResult>(`${messagesPath(cluster, topic)}?${next}`, { signal });
      }
      return apiFetch<BrowseResult>(`${messagesPath(cluster, topic)}?${params}`, { signal });
    },
    getNextPageParam: (last) => last.cursor,
    staleTime: MESSAGES_STALE_MS,
    retry: false,
  });

export const useBrowse = (cluster: string, topic: string, query: string, enabled: boolean) =>
  useInfiniteQuery({ ...browseQuery(cluster, topic, query), enabled });

export const messageQuery = (cluster: string, topic: string, partition: number, offset: number) =>
  queryOptions({
    queryKey: messageKeys.detail(cluster, topic, partition, offset),
    queryFn: ({ signal }) => apiFetch<Message>(`${messagesPath(cluster, topic)}/${partition}/${offset}`, { signal }),
    staleTime: MESSAGES_STALE_MS,
  });

export const useMessage = (cluster: string, topic: string, partition: number, offset: number) =>
  useQuery(messageQuery(cluster, topic, partition, offset));

/** Topic names for pickers (the first 500 matching `q`). */
export const topicNamesQuery = (cluster: string, q: string) =>
  queryOptions({
    queryKey: messageKeys.topicNames(cluster, q),
    queryFn: async () => {
      const search = new URLSearchParams({ pageSize: '500', internal: 'false' });
      if (q) search.set('q', q);
      const list = await apiFetch<TopicListResponse>(`${clusterPath(cluster)}/topics?${search}`);
      return list.items.map((t) => ({ name: t.name, partitions: t.partitions }));
    },
    staleTime: TOPIC_NAMES_STALE_MS,
  });

export const useTopicNames = (cluster: string, q = '') => useQuery(topicNamesQuery(cluster, q));

export function useProduce(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    // The topic in the URL lets the server cap the body by that topic's max.message.bytes.
    mutationFn: (input: ProduceInput) => apiPost<ProduceResult>(`${clusterPath(cluster)}/produce?${new URLSearchParams({ topic: input.topic })}`, input),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: topicKeys.all(cluster) });
      void client.invalidateQueries({ queryKey: messageKeys.topic(cluster, result.topic) });
    },
  });
}

export function useReplay(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, signal }: { input: ReplayInput; signal?: AbortSignal }) =>
      apiFetch<ReplayResult>(`${clusterPath(cluster)}/replay`, { method: 'POST', body: JSON.stringify(input), signal }),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: topicKeys.all(cluster) });
      void client.invalidateQueries({ queryKey: messageKeys.topic(cluster, result.targetTopic) });
    },
  });
}

/** Polls a running replay's progress while `active`. */
export const useReplayProgress = (cluster: string, jobId: string | undefined, active: boolean) =>
  useQuery({
    queryKey: messageKeys.replay(cluster, jobId ?? ''),
    queryFn: () => apiFetch<ReplayProgress>(`${clusterPath(cluster)}/replay/${encodeURIComponent(jobId!)}`),
    enabled: Boolean(jobId) && active,
    refetchInterval: active ? REPLAY_POLL_MS : false,
    retry: false,
  });

export const cancelReplay = (cluster: string, jobId: string) =>
  apiPost<{ cancelled: true }>(`${clusterPath(cluster)}/replay/${encodeURIComponent(jobId)}`, {}, 'DELETE');
