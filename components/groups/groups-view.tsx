'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { groupSortKeys, healthStatuses, type GroupSortKey, type GroupsQuery, type HealthStatus } from '@/lib/api/groups';
import { groupKeys, useGroupsList } from '@/lib/queries/groups';
import { refreshNow } from '@/lib/queries/refresh';
import { GroupsTable } from './groups-table';
import { HealthSummary } from './health-summary';

const PAGE_SIZE = 50;
const numericSorts = new Set<GroupSortKey>(['lag', 'worst', 'health', 'members', 'topics']);
const states = ['Stable', 'Empty', 'PreparingRebalance', 'CompletingRebalance', 'Dead'];

/** The groups list; its search, filters, sort and page live in the URL so a view can be shared. */
export function GroupsView({ cluster }: { cluster: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = readQuery(params);
  const [search, setSearch] = useState(query.search ?? '');

  const update = (patch: Partial<GroupsQuery>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries({ page: undefined, ...patch })) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`, { scroll: false });
  };

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    if (search === (query.search ?? '')) return;
    const timer = setTimeout(() => update({ search }), 300);
    return () => clearTimeout(timer);
  });

  const { data, error, isPending, refetch, isFetching } = useGroupsList(cluster, query);
  const sort = query.sort ?? 'health';
  const dir = query.dir ?? (numericSorts.has(sort) ? 'desc' : 'asc');
  const onSort = (key: GroupSortKey) =>
    update({ sort: key, dir: key === sort ? (dir === 'asc' ? 'desc' : 'asc') : undefined });

  return (
    <div className="space-y-4">
      <PageHeader
        title="Consumer groups"
        subtitle={data ? `${data.clusterTotal.toLocaleString('en-US')} group${data.clusterTotal === 1 ? '' : 's'} · read in ${data.loadMs} ms` : 'Lag, health and offsets of every group'}
        actions={<UpdatedAgo updatedAt={data?.fetchedAt} onRefresh={() => refreshNow(groupKeys.list(cluster, query), refetch)} refreshing={isFetching} />}
      />
      {data?.warnings.map((w) => (
        <p key={w} className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="groups-warning">{w}</p>
      ))}
      {data && <HealthSummary counts={data.byHealth} selected={query.health} onSelect={(health) => update({ health })} />}
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          data-search
          title="Press / to search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search groups or topics…"
          data-testid="groups-search"
          className="w-72 rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-sky-500 focus:outline-none"
        />
        <select
          value={query.state ?? ''}
          onChange={(e) => update({ state: e.target.value || undefined })}
          data-testid="groups-state-filter"
          className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          <option value="">Any state</option>
          {states.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        {data && (query.search || query.state || query.health) && (
          <span className="text-sm text-slate-500" data-testid="groups-filtered-count">
            {data.total.toLocaleString('en-US')} match
          </span>
        )}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        {isPending ? (
          <div className="p-4"><TableSkeleton rows={10} /></div>
        ) : error && !data ? (
          <div className="p-4"><ErrorState error={error} onRetry={() => void refetch()} /></div>
        ) : data.groups.length === 0 ? (
          <p className="p-6 text-sm text-slate-500" data-testid="groups-empty">
            {data.clusterTotal === 0 ? 'This cluster has no consumer groups yet.' : 'No group matches these filters.'}
          </p>
        ) : (
          <GroupsTable cluster={cluster} groups={data.groups} sort={sort} dir={dir} onSort={onSort} />
        )}
      </div>
      {data && data.total > 0 && (
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => update({ page })} />
      )}
      {error && data && <ErrorState error={error} onRetry={() => void refetch()} />}
    </div>
  );
}

function readQuery(params: URLSearchParams): GroupsQuery {
  const sort = params.get('sort');
  const health = params.get('health');
  const dir = params.get('dir');
  const page = Number(params.get('page'));
  return {
    search: params.get('search') || undefined,
    state: params.get('state') || undefined,
    health: healthStatuses.includes(health as HealthStatus) ? (health as HealthStatus) : undefined,
    sort: groupSortKeys.includes(sort as GroupSortKey) ? (sort as GroupSortKey) : undefined,
    dir: dir === 'asc' || dir === 'desc' ? dir : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    pageSize: PAGE_SIZE,
  };
}
