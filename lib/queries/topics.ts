import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/fetcher';
import { topicSortKeys, type TopicConfigsResponse, type TopicDetail, type TopicListResponse, type TopicSortKey } from '@/lib/api/topics';
import { clusterKeys } from './clusters';
import { CONFIGS_STALE_MS, POLL_MS } from './constants';
import { refreshablePath, retryClusterRead } from './refresh';

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/topics`;
const topicPath = (cluster: string, topic: string) => `${base(cluster)}/${encodeURIComponent(topic)}`;

/** The topic list's state; the page keeps it in the URL. */
export interface TopicListParams {
  q: string;
  sort: TopicSortKey;
  dir: 'asc' | 'desc';
  page: number;
  internal: boolean;
}

export const topicKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'topics'] as const,
  list: (cluster: string, params: TopicListParams) => [...topicKeys.all(cluster), 'list', params] as const,
  detail: (cluster: string, topic: string) => [...topicKeys.all(cluster), 'detail', topic] as const,
  configs: (cluster: string, topic: string) => [...topicKeys.all(cluster), 'configs', topic] as const,
};

/** Reads the list state from URL parameters; the page (server) and the view (browser) share it. */
export function parseTopicListParams(get: (name: string) => string | null | undefined): TopicListParams {
  const sort = get('sort') ?? '';
  const page = Number(get('page'));
  return {
    q: get('q') ?? '',
    sort: (topicSortKeys as readonly string[]).includes(sort) ? (sort as TopicSortKey) : 'name',
    dir: get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    internal: get('internal') === 'true',
  };
}

export function topicListSearch(params: TopicListParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.sort !== 'name') search.set('sort', params.sort);
  if (params.dir !== 'asc') search.set('dir', params.dir);
  if (params.page > 1) search.set('page', String(params.page));
  if (params.internal) search.set('internal', 'true');
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const topicListQuery = (cluster: string, params: TopicListParams) =>
  queryOptions({
    queryKey: topicKeys.list(cluster, params),
    queryFn: ({ queryKey }) => apiFetch<TopicListResponse>(refreshablePath(queryKey, `${base(cluster)}${topicListSearch(params)}`)),
    refetchInterval: POLL_MS,
    retry: retryClusterRead,
    // Typing in the search box keeps the last page on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

export const topicDetailQuery = (cluster: string, topic: string) =>
  queryOptions({
    queryKey: topicKeys.detail(cluster, topic),
    queryFn: ({ queryKey }) => apiFetch<TopicDetail>(refreshablePath(queryKey, topicPath(cluster, topic))),
    refetchInterval: POLL_MS,
    retry: retryClusterRead,
  });

export const topicConfigsQuery = (cluster: string, topic: string) =>
  queryOptions({
    queryKey: topicKeys.configs(cluster, topic),
    queryFn: ({ queryKey }) => apiFetch<TopicConfigsResponse>(refreshablePath(queryKey, `${topicPath(cluster, topic)}/configs`)),
    // Configs change only when someone edits them; the edit invalidates this key.
    staleTime: CONFIGS_STALE_MS,
    retry: retryClusterRead,
  });

export const useTopicList = (cluster: string, params: TopicListParams) => useQuery(topicListQuery(cluster, params));
export const useTopicDetail = (cluster: string, topic: string) => useQuery(topicDetailQuery(cluster, topic));
export const useTopicConfigs = (cluster: string, topic: string) => useQuery(topicConfigsQuery(cluster, topic));
