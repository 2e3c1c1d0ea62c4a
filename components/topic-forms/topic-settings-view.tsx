'use client';

import Link from 'next/link';
import { TopicHeader } from '@/components/topics/topic-header';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PermissionNotice } from '@/components/ui/permission-notice';
import { ReadOnlyNotice } from '@/components/ui/read-only-notice';
import { TableSkeleton } from '@/components/ui/skeleton';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { adminKeys, useTopicFormContext } from '@/lib/queries/admin';
import { usePermission } from '@/lib/queries/auth';
import { refreshNow } from '@/lib/queries/refresh';
import { AddPartitions } from './add-partitions';
import { ConfigEditor } from './config-editor';
import { DangerItem, DangerZone } from './danger-zone';
import { DeleteTopic } from './delete-topic';
import { PurgeRecords } from './purge-records';

/** /clusters/:cluster/topics/:topic/settings — configs, partitions, clone, and the danger zone. */
export function TopicSettingsView({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isPending, isFetching, refetch, dataUpdatedAt } = useTopicFormContext(cluster, topic);
  const view = data?.topic;
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  const internal = Boolean(view?.internal);
  const edit = usePermission(cluster, 'topics:edit', { topic });
  const purge = usePermission(cluster, 'topics:purge', { topic });
  const remove = usePermission(cluster, 'topics:delete', { topic });
  const clone = usePermission(cluster, 'topics:create');
  const messages = view ? view.partitions.reduce((n, p) => n + Math.max(0, p.latest - p.earliest), 0) : 0;

  return (
    <>
      <TopicHeader
        cluster={cluster}
        topic={topic}
        internal={view?.internal}
        actions={<UpdatedAgo updatedAt={dataUpdatedAt || undefined} refreshing={isFetching} onRefresh={() => refreshNow(adminKeys.form(cluster, topic), refetch)} />}
      />
      <div className="space-y-4">
        <ReadOnlyNotice cluster={cluster} />
        <PermissionNotice permissions={[edit, purge, remove]} />
        {view?.internal && (
          <p className="rounded border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="internal-notice">
            {topic} is one of Kafka&apos;s internal topics: the console shows its settings but does not change them.
          </p>
        )}
        {isPending && <TableSkeleton rows={8} />}
        {error && <ErrorState error={error} onRetry={() => void refetch()} />}
        {view && (
          <>
            <Card title="Configs" actions={<span className="text-xs text-slate-500">IncrementalAlterConfigs: only what you change is sent</span>}>
              <ConfigEditor cluster={cluster} topic={view} disabled={internal || !edit.allowed} />
            </Card>
            <div className="grid gap-4 lg:grid-cols-2">
              <Card title={`Partitions (${view.partitions.length})`}>
                <AddPartitions cluster={cluster} topic={view} disabled={internal || !edit.allowed} />
              </Card>
              <Card title="Create a topic like this one">
                <p className="mb-3 text-sm text-slate-600">
                  Opens the create form with this topic&apos;s partitions, replication factor and config overrides filled in. Records are not copied.
                </p>
                <Link
                  href={`${base}/topics/new?from=${encodeURIComponent(topic)}`}
                  data-testid="clone-link"
                  aria-disabled={!clone.allowed}
                  title={clone.reason || undefined}
                  className={`inline-block rounded border px-3 py-1.5 text-sm font-medium ${!clone.allowed ? 'pointer-events-none border-slate-200 text-slate-400' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
                >
                  Clone settings into a new topic
                </Link>
              </Card>
            </div>
            <DangerZone>
              <DangerItem title="Purge records">
                <PurgeRecords cluster={cluster} topic={view} disabled={internal || !purge.allowed} />
              </DangerItem>
              <DangerItem title="Delete topic">
                <DeleteTopic cluster={cluster} topic={topic} messages={messages} disabled={internal || !remove.allowed} />
              </DangerItem>
            </DangerZone>
          </>
        )}
      </div>
    </>
  );
}
