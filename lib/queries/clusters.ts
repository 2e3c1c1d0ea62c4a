import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterSummary } from '@/lib/api/clusters';
import { apiFetch } from '@/lib/api/fetcher';
import { CLUSTER_STALE_MS } from './constants';

export const clusterKeys = {
  all: ['clusters'] as const,
  /** Every key of the cluster starts with this: invalidating it re-reads the cluster's whole tree. */
  detail: (cluster: string) => [...clusterKeys.all, cluster] as const,
  summary: (cluster: string) => [...clusterKeys.detail(cluster), 'summary'] as const,
};

export const clustersQuery = () =>
  queryOptions({ queryKey: clusterKeys.all, queryFn: () => apiFetch<ClusterSummary[]>('/api/clusters') });

export const clusterQuery = (cluster: string) =>
  queryOptions({
    queryKey: clusterKeys.summary(cluster),
    queryFn: () => apiFetch<ClusterSummary>(`/api/clusters/${encodeURIComponent(cluster)}`),
    staleTime: CLUSTER_STALE_MS,
  });

export const useClusters = () => useQuery(clustersQuery());
export const useCluster = (cluster: string) => useQuery(clusterQuery(cluster));
