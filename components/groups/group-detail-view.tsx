'use client';

import { BackLink } from '@/components/ui/back-link';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';
import { UpdatedAgo } from '@/components/ui/updated-ago';
import { usePermission } from '@/lib/queries/auth';
import { groupKeys, useGroupDetail } from '@/lib/queries/groups';
import { refreshNow } from '@/lib/queries/refresh';
import { GroupDangerZone } from './group-danger-zone';
import { GroupLagHistory } from './group-lag-history';
import { GroupStateBadge } from './group-state-badge';
import { GroupStats } from './group-stats';
import { HealthBadge } from './health-badge';
import { MembersTable } from './members-table';
import { PartitionsTable } from './partitions-table';
import { ResetOffsetsPanel } from './reset-offsets-panel';

export function GroupDetailView({ cluster, group }: { cluster: string; group: string }) {
  const detail = useGroupDetail(cluster, group);
  const topics = detail.data?.topics;
  const reset = usePermission(cluster, 'groups:reset', { group, topics });
  const remove = usePermission(cluster, 'groups:delete', { group, topics });
  const back = <BackLink href={`/clusters/${encodeURIComponent(cluster)}/groups`}>Consumer groups</BackLink>;
  if (detail.isPending) {
    return <div className="space-y-4">{back}<Skeleton className="h-8 w-80" /><TableSkeleton rows={8} /></div>;
  }
  if (detail.error && !detail.data) {
    return <div className="space-y-4">{back}<ErrorState error={detail.error} onRetry={() => void detail.refetch()} /></div>;
  }
  const g = detail.data;
  return (
    <div className="space-y-4">
      {back}
      <PageHeader
        title={<span className="flex flex-wrap items-center gap-2 break-all" data-testid="group-title">{g.groupId} <GroupStateBadge state={g.state} testId="group-state" /></span>}
        subtitle={`${g.protocolType || 'no protocol'}${g.protocol ? ` · assignor ${g.protocol}` : ''} · coordinator broker ${g.coordinator ?? 'unknown'} · ${g.members} member${g.members === 1 ? '' : 's'}`}
        actions={<UpdatedAgo updatedAt={g.fetchedAt} onRefresh={() => refreshNow(groupKeys.detail(cluster, group), detail.refetch)} refreshing={detail.isFetching} />}
      />
      <div className={`rounded-lg border p-3 ${g.health.status === 'OK' ? 'border-emerald-200 bg-emerald-50/50' : g.health.status === 'WARN' ? 'border-amber-300 bg-amber-50' : 'border-red-300 bg-red-50'}`}>
        <HealthBadge health={g.health} showReason testId="group-health" />
      </div>
      {detail.error && <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
      <GroupStats group={g} />
      <Card title="Lag per topic over time">
        <GroupLagHistory cluster={cluster} group={group} />
      </Card>
      <Card title={`Partitions (${g.partitions.length})`}>
        <PartitionsTable partitions={g.partitions} now={g.fetchedAt} health={g.health.status} />
      </Card>
      <Card title={`Members (${g.membersList.length})`}>
        <MembersTable members={g.membersList} />
      </Card>
      <Card title="Reset offsets">
        <ResetOffsetsPanel cluster={cluster} group={g} deniedReason={reset.allowed ? null : reset.reason} />
      </Card>
      <Card title="Delete">
        <GroupDangerZone cluster={cluster} group={g} deniedReason={remove.allowed ? null : remove.reason} />
      </Card>
    </div>
  );
}
