import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/fetcher';
import type { OverviewResponse } from '@/lib/api/overview';
import { clusterKeys } from './clusters';
import { POLL_MS } from './constants';
import { refreshablePath, retryClusterRead } from './refresh';

export const overviewKeys = {
  detail: (cluster: string) => [...clusterKeys.detail(cluster), 'overview'] as const,
};

export const overviewQuery = (cluster: string) =>
  queryOptions({
    queryKey: overviewKeys.detail(cluster),
    queryFn: ({ queryKey }) =>
      apiFetch<OverviewResponse>(refreshablePath(queryKey, `/api/clusters/${encodeURIComponent(cluster)}/overview`)),
    refetchInterval: POLL_MS,
    retry: retryClusterRead,
  });

export const useOverview = (cluster: string) => useQuery(overviewQuery(cluster));
