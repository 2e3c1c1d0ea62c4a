import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiPost } from '@/lib/api/fetcher';
import type { ElectionPreview, ElectionResult, ElectionScope } from '@/lib/api/leader-election';
import type { ReplicasResponse } from '@/lib/api/replicas';
import { clusterKeys } from './clusters';
import { POLL_MS } from './constants';
import { refreshablePath, retryClusterRead } from './refresh';

export interface ReplicaParams {
  q: string;
  broker?: number;
}

export const replicaKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'replicas'] as const,
  list: (cluster: string, params: ReplicaParams) => [...replicaKeys.all(cluster), params] as const,
};

export const replicasQuery = (cluster: string, params: ReplicaParams) =>
  queryOptions({
    queryKey: replicaKeys.list(cluster, params),
    queryFn: ({ queryKey }) => {
      const search = new URLSearchParams();
      if (params.q) search.set('q', params.q);
      if (params.broker !== undefined) search.set('broker', String(params.broker));
      const s = search.toString();
      return apiFetch<ReplicasResponse>(refreshablePath(queryKey, `/api/clusters/${encodeURIComponent(cluster)}/replicas${s ? `?${s}` : ''}`));
    },
    refetchInterval: POLL_MS,
    retry: retryClusterRead,
    placeholderData: keepPreviousData,
  });

export const useReplicas = (cluster: string, params: ReplicaParams) => useQuery(replicasQuery(cluster, params));

const electionPath = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/replicas/elect-leaders`;

/** What a preferred election of the scope would move; changes nothing, so it is a mutation only in name (sent on demand). */
export const usePreviewElection = (cluster: string) =>
  useMutation({ mutationFn: (scope: ElectionScope) => apiPost<ElectionPreview>(`${electionPath(cluster)}/preview`, scope) });

/** Runs the election; leaders move, so every cached read of the cluster is stale. */
export function useElectLeaders(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scope: ElectionScope) => apiPost<ElectionResult>(electionPath(cluster), { ...scope, confirm: true }),
    onSuccess: () => void client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) }),
  });
}
