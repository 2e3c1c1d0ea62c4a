import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/fetcher';
import type { QuorumResponse } from '@/lib/api/quorum';
import { clusterKeys } from './clusters';
import { POLL_MS } from './constants';
import { refreshablePath, retryClusterRead } from './refresh';

export const quorumKeys = {
  detail: (cluster: string) => [...clusterKeys.detail(cluster), 'quorum'] as const,
};

export const quorumQuery = (cluster: string) =>
  queryOptions({
    queryKey: quorumKeys.detail(cluster),
    queryFn: ({ queryKey }) => apiFetch<QuorumResponse>(refreshablePath(queryKey, `/api/clusters/${encodeURIComponent(cluster)}/quorum`)),
    refetchInterval: POLL_MS,
    retry: retryClusterRead,
  });

export const useQuorum = (cluster: string) => useQuery(quorumQuery(cluster));
