'use client';

import { useSyncExternalStore } from 'react';
import { CreateTopicLink } from '@/components/topic-forms/create-topic-link';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { plural } from '@/lib/format/number';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { TableSkeleton } from '@/components/ui/skeleton';
import { StaleBanner } from '@/components/ui/stale-banner';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import type { TopicSortKey } from '@/lib/api/topics';
import { refreshNow } from '@/lib/queries/refresh';
import { topicKeys, useTopicList } from '@/lib/queries/topics';
import { TopicSearch } from './topic-search';
import { TopicsTable } from './topics-table';
import { useTopicListParams } from './use-topic-list-params';

export function TopicsView({ cluster }: { cluster: string }) {
  const [params, update] = useTopicListParams();
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = useTopicList(cluster, params);
  const onSort = (key: TopicSortKey) =>
    update({ sort: key, dir: params.sort === key ? (params.dir === 'asc' ? 'desc' : 'asc') : key === 'name' || key === 'cleanupPolicy' ? 'asc' : 'desc' });
  const hiddenInternal = data && !params.internal ? data.internalCount : 0;
  // Rows may arrive with the server's HTML; this marks when the page also responds to input.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <>
      <PageHeader
        title="Topics"
        subtitle={
          data
            ? `${plural(data.totalAll, 'topic')}${hiddenInternal ? ` (${hiddenInternal} internal hidden)` : ''}${params.q ? ` · ${data.total.toLocaleString('en-US')} matching "${params.q}"` : ''}`
            : 'Every topic with its size, health and consumers'
        }
        actions={
          <div className="flex items-center gap-3">
            <UpdatedAgo updatedAt={data?.fetchedAt} failed={!data && Boolean(error)} refreshing={isFetching} onRefresh={() => refreshNow(topicKeys.list(cluster, params), refetch)} />
            <CreateTopicLink cluster={cluster} />
          </div>
        }
      />
      {error && data && <StaleBanner error={error} fetchedAt={data.fetchedAt} />}
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-4">
            <TopicSearch value={params.q} onChange={(q) => update({ q })} />
            <label className="flex items-center gap-1.5 text-sm text-slate-600">
              <input type="checkbox" checked={params.internal} onChange={(e) => update({ internal: e.target.checked })} data-testid="topic-show-internal" />
              Show internal topics
            </label>
          </div>
          {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => update({ page })} testId="topics-pagination" />}
        </div>
        {isPending ? (
          <TableSkeleton rows={10} />
        ) : data ? (
          <div className={isPlaceholderData ? 'opacity-60 transition-opacity' : ''} data-testid="topics-results" data-loading={isPlaceholderData ? 'true' : 'false'} data-hydrated={hydrated ? 'true' : 'false'}>
            <TopicsTable
              cluster={cluster}
              rows={data.items}
              sort={params.sort}
              dir={params.dir}
              onSort={onSort}
              lagAvailable={data.lagAvailable}
              emptyText={params.q ? `No topic matches "${params.q}".` : 'This cluster has no topics yet.'}
            />
          </div>
        ) : (
          <ErrorState error={error} onRetry={() => void refetch()} />
        )}
      </Card>
    </>
  );
}

const noSubscription = () => () => undefined;
