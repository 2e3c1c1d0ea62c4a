import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/fetcher';
import type { HistoryMetric, HistoryRange, HistoryResponse } from '@/lib/api/history';
import { clusterKeys } from './clusters';
import { HISTORY_POLL_MAX_MS, HISTORY_POLL_MIN_MS, POLL_MS } from './constants';

/** What a history chart is about: the whole cluster, or one topic, broker or group of it. */
export type HistoryScope =
  | { kind: 'cluster' }
  | { kind: 'topic'; topic: string }
  | { kind: 'broker'; broker: number }
  | { kind: 'group'; group: string };

const scopeId = (scope: HistoryScope): string | number | null =>
  scope.kind === 'topic' ? scope.topic : scope.kind === 'broker' ? scope.broker : scope.kind === 'group' ? scope.group : null;

export const historyKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'history'] as const,
  /** Every chart of one topic, broker or group (or of the cluster), whatever its metrics and range. */
  scope: (cluster: string, scope: HistoryScope) => [...historyKeys.all(cluster), scope.kind, scopeId(scope)] as const,
  detail: (cluster: string, scope: HistoryScope, metrics: readonly HistoryMetric[], range: HistoryRange) =>
    [...historyKeys.scope(cluster, scope), metrics.join(','), range] as const,
};

function historyPath(cluster: string, scope: HistoryScope): string {
  const base = `/api/clusters/${encodeURIComponent(cluster)}`;
  switch (scope.kind) {
    case 'cluster':
      return `${base}/history`;
    case 'topic':
      return `${base}/topics/${encodeURIComponent(scope.topic)}/history`;
    case 'broker':
      return `${base}/brokers/${scope.broker}/history`;
    case 'group':
      return `${base}/groups/${encodeURIComponent(scope.group)}/history`;
  }
}

/** The next poll: one point's spacing later, within bounds. */
export function historyPollMs(data: HistoryResponse | undefined): number {
  if (!data) return POLL_MS;
  return Math.min(HISTORY_POLL_MAX_MS, Math.max(HISTORY_POLL_MIN_MS, data.stepMs));
}

export const historyQuery = (cluster: string, scope: HistoryScope, metrics: readonly HistoryMetric[], range: HistoryRange) =>
  queryOptions({
    queryKey: historyKeys.detail(cluster, scope, metrics, range),
    queryFn: () => {
      const params = new URLSearchParams({ metrics: metrics.join(','), range });
      return apiFetch<HistoryResponse>(`${historyPath(cluster, scope)}?${params}`);
    },
    refetchInterval: (query) => historyPollMs(query.state.data),
    // A new range keeps the old lines on screen until its answer arrives, instead of a skeleton.
    placeholderData: keepPreviousData,
  });

export const useHistory = (cluster: string, scope: HistoryScope, metrics: readonly HistoryMetric[], range: HistoryRange) =>
  useQuery(historyQuery(cluster, scope, metrics, range));
