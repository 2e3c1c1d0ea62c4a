'use client';

import type { ReactNode } from 'react';
import { TopicConsumers } from '@/components/groups/topic-consumers';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Bytes, Count } from '@/components/ui/num';
import { TableSkeleton } from '@/components/ui/skeleton';
import { StaleBanner } from '@/components/ui/stale-banner';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { refreshNow } from '@/lib/queries/refresh';
import { topicKeys, useTopicDetail } from '@/lib/queries/topics';
import { PartitionSkewChart } from './partition-skew-chart';
import { PartitionsTable } from './partitions-table';
import { TopicConfigs } from './topic-configs';
import { TopicHeader } from './topic-header';
import { TopicHistory } from './topic-history';

export function TopicDetailView({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isPending, isFetching, refetch } = useTopicDetail(cluster, topic);
  const t = data?.totals;
  return (
    <>
      <TopicHeader
        cluster={cluster}
        topic={topic}
        internal={data?.internal}
        badges={
          <>
            {t && t.offline > 0 && <Badge tone="danger" testId="topic-offline-badge">{t.offline} offline</Badge>}
            {t && t.underMinIsr > 0 && <Badge tone="danger" testId="topic-under-min-isr-badge">{t.underMinIsr} under min ISR</Badge>}
            {t && t.underReplicated > 0 && <Badge tone="warn" testId="topic-under-replicated-badge">{t.underReplicated} under-replicated</Badge>}
          </>
        }
        actions={<UpdatedAgo updatedAt={data?.fetchedAt} failed={!data && Boolean(error)} refreshing={isFetching} onRefresh={() => refreshNow(topicKeys.detail(cluster, topic), refetch)} />}
      />
      {error && data && <StaleBanner error={error} fetchedAt={data.fetchedAt} />}
      {isPending && <TableSkeleton rows={6} />}
      {!data && error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && t && (
        <div className="space-y-4">
          <dl className="grid grid-cols-3 gap-3 md:grid-cols-6" data-testid="topic-stats">
            <Stat label="Partitions" value={data.partitions.length} />
            <Stat label="Replication" value={`RF ${data.replicationFactor}`} hint={data.minInsyncReplicas !== null ? `min ISR ${data.minInsyncReplicas}` : undefined} />
            <Stat label="Size" value={<Bytes value={t.size} />} hint="one copy" testId="topic-total-size" />
            <Stat label="Messages" value={<Count value={t.messages} />} testId="topic-total-messages" />
            <Stat label="Cleanup" value={data.cleanupPolicy ?? '—'} />
            <Stat
              label="Under-replicated"
              value={t.underReplicated}
              tone={t.underReplicated ? 'warn' : 'ok'}
              testId="topic-under-replicated"
            />
          </dl>
          <Card title="Throughput and size over time">
            <TopicHistory cluster={cluster} topic={topic} />
          </Card>
          <Card title={`Partitions (${data.partitions.length})`}>
            <PartitionsTable partitions={data.partitions} />
          </Card>
          <Card title="Consumer groups">
            <TopicConsumers cluster={cluster} topic={topic} />
          </Card>
          <Card title="Partition skew">
            <PartitionSkewChart partitions={data.partitions} />
          </Card>
          <Card title="Configs">
            <TopicConfigs cluster={cluster} topic={topic} />
          </Card>
        </div>
      )}
    </>
  );
}

function Stat({ label, value, hint, tone, testId }: {
  label: string;
  value: ReactNode;
  hint?: string;
  tone?: 'ok' | 'warn';
  testId?: string;
}) {
  const box = tone === 'warn' ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white';
  return (
    <div className={`rounded-lg border px-3 py-2 ${box}`} data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-0.5 text-lg font-semibold tabular-nums ${tone === 'warn' ? 'text-amber-800' : 'text-slate-900'}`} data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </dd>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
