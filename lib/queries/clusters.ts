import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterSummary } from '@/lib/api/clusters';
import { apiFetch } from '@/lib/api/fetcher';

export const clusterKeys = {
  all: ['clusters'] as const,
  detail: (cluster: string) => ['clusters', cluster] as const,
};

export const clustersQuery = () =>
  queryOptions({ queryKey: clusterKeys.all, queryFn: () => apiFetch<ClusterSummary[]>('/api/clusters') });

export const clusterQuery = (cluster: string) =>
  queryOptions({
    queryKey: [...clusterKeys.detail(cluster), 'summary'],
    queryFn: () => apiFetch<ClusterSummary>(`/api/clusters/${encodeURIComponent(cluster)}`),
    staleTime: 60_000,
  });

export const useClusters = () => useQuery(clustersQuery());
export const useCluster = (cluster: string) => useQuery(clusterQuery(cluster));
