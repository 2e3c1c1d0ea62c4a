import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '@/lib/api/audit';
import { apiFetch } from '@/lib/api/fetcher';
import { clusterKeys } from './clusters';
import { POLL_MS } from './constants';

// The audit log, newest first, a page at a time ("load older" follows the server's cursor).

export interface AuditFilters {
  action?: string;
  target?: string;
  outcome?: string;
  user?: string;
  from?: string;
  to?: string;
  q?: string;
}

export const auditKeys = {
  all: (cluster: string) => [...clusterKeys.detail(cluster), 'audit'] as const,
  list: (cluster: string, filters: AuditFilters) => [...auditKeys.all(cluster), 'list', filters] as const,
};

export function auditSearch(filters: AuditFilters, cursor?: string | null, limit = 50): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  if (cursor) search.set('cursor', cursor);
  search.set('limit', String(limit));
  return search.toString();
}

export const auditQuery = (cluster: string, filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(cluster, filters),
    queryFn: ({ pageParam }) =>
      apiFetch<AuditPage>(`/api/clusters/${encodeURIComponent(cluster)}/audit?${auditSearch(filters, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: POLL_MS,
  });

export const useAudit = (cluster: string, filters: AuditFilters) => useInfiniteQuery(auditQuery(cluster, filters));
