import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BrokerConfigsPatch, BrokerConfigsResult } from '@/lib/api/broker-configs';
import type { BrokerDetail, BrokersResponse } from '@/lib/api/brokers';
import { apiFetch, apiPost } from '@/lib/api/fetcher';
import { clusterKeys } from './clusters';
import { POLL_MS } from './constants';
import { refreshablePath, retryClusterRead } from './refresh';

const base = (cluster: string) => `/api/clusters/${encodeURIComponent(cluster)}/brokers`;

export const brokerKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'brokers'] as const,
  list: (cluster: string) => [...brokerKeys.all(cluster), 'list'] as const,
  detail: (cluster: string, broker: number) => [...brokerKeys.all(cluster), 'detail', broker] as const,
};

export const brokersQuery = (cluster: string) =>
  queryOptions({
    queryKey: brokerKeys.list(cluster),
    queryFn: ({ queryKey }) => apiFetch<BrokersResponse>(refreshablePath(queryKey, base(cluster))),
    refetchInterval: POLL_MS,
    retry: retryClusterRead,
  });

export const brokerDetailQuery = (cluster: string, broker: number) =>
  queryOptions({
    queryKey: brokerKeys.detail(cluster, broker),
    queryFn: ({ queryKey }) => apiFetch<BrokerDetail>(refreshablePath(queryKey, `${base(cluster)}/${broker}`)),
    refetchInterval: POLL_MS,
    retry: retryClusterRead,
  });

export const useBrokers = (cluster: string) => useQuery(brokersQuery(cluster));
export const useBrokerDetail = (cluster: string, broker: number) => useQuery(brokerDetailQuery(cluster, broker));

/** Sets or resets dynamic broker configs; a real change makes every cached read of the cluster stale. */
export function useAlterBrokerConfigs(cluster: string, broker: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BrokerConfigsPatch) => apiPost<BrokerConfigsResult>(`${base(cluster)}/${broker}/configs`, body, 'PATCH'),
    onSuccess: (result) => {
      if (!result.validateOnly) void client.invalidateQueries({ queryKey: clusterKeys.detail(cluster) });
    },
  });
}
