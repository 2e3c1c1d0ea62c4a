'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/ui/skeleton';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { auditKeys, useAudit, type AuditFilters as Filters } from '@/lib/queries/audit';
import { refreshNow } from '@/lib/queries/refresh';
import { AuditFilters } from './audit-filters';
import { AuditRow } from './audit-row';

const FILTER_KEYS = ['action', 'target', 'outcome', 'user', 'from', 'to', 'q'] as const;

/** /clusters/:cluster/audit — every change attempted through the console, newest first. */
export function AuditView({ cluster }: { cluster: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  // Filters live in the URL so a filtered view can be shared or reloaded.
  const filters = useMemo(() => {
    const f: Filters = {};
    for (const key of FILTER_KEYS) {
      const v = search.get(key);
      if (v) f[key] = v;
    }
    return f;
  }, [search]);
  const setFilters = useCallback(
    (next: Filters) => {
      const params = new URLSearchParams();
      for (const key of FILTER_KEYS) if (next[key]) params.set(key, next[key]!);
      router.replace(`${pathname}${params.size ? `?${params}` : ''}`);
    },
    [router, pathname],
  );
  const { data, error, isPending, isFetching, refetch, fetchNextPage, hasNextPage, isFetchingNextPage, dataUpdatedAt } = useAudit(cluster, filters);
  const entries = data?.pages.flatMap((p) => p.entries) ?? [];
  const scanned = data?.pages.reduce((n, p) => n + p.scanned, 0) ?? 0;

  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Every change attempted through this console on this cluster: who, from where, what, and how it ended. Secrets are never recorded."
        actions={<UpdatedAgo updatedAt={dataUpdatedAt || undefined} refreshing={isFetching && !isFetchingNextPage} onRefresh={() => refreshNow(auditKeys.list(cluster, filters), refetch)} />}
      />
      <Card>
        <div className="space-y-3">
          <AuditFilters value={filters} onChange={setFilters} />
          {isPending && <TableSkeleton rows={8} />}
          {error && <ErrorState error={error} onRetry={() => void refetch()} />}
          {data && (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-sm" data-testid="audit-table">
                <thead className="text-xs uppercase tracking-wide text-slate-500">
                  <tr className="border-b border-slate-200">
                    <th className="px-3 py-2 text-left font-medium">Time</th>
                    <th className="px-3 py-2 text-left font-medium">User</th>
                    <th className="px-3 py-2 text-left font-medium">Action</th>
                    <th className="px-3 py-2 text-left font-medium">Target</th>
                    <th className="px-3 py-2 text-left font-medium">Outcome</th>
                    <th className="px-3 py-2 text-right font-medium">Took</th>
                    <th className="px-3 py-2" />
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e, i) => <AuditRow key={`${e.time}-${i}`} entry={e} />)}
                  {entries.length === 0 && (
                    <tr>
                      <td colSpan={7} className="px-3 py-8 text-center text-sm text-slate-500" data-testid="audit-empty">
                        {Object.keys(filters).length ? 'No entries match these filters.' : 'Nothing has been changed through this console on this cluster yet.'}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          )}
          {data && (
            <div className="flex items-center justify-between text-xs text-slate-500">
              <span data-testid="audit-count">{entries.length} entr{entries.length === 1 ? 'y' : 'ies'} shown, {scanned.toLocaleString('en-US')} log lines read</span>
              {hasNextPage && (
                <button type="button" data-testid="audit-load-more" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()} className="rounded border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">
                  {isFetchingNextPage ? 'Loading…' : 'Load older entries'}
                </button>
              )}
            </div>
          )}
        </div>
      </Card>
    </>
  );
}
