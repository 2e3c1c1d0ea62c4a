'use client';

import Link from 'next/link';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useTopicConsumers } from '@/lib/queries/groups';
import { GroupStateBadge } from './group-state-badge';
import { largestLag, lagTone } from '@/lib/lag/severity';
import { HealthBadge } from './health-badge';
import { LagValue } from './lag-value';

/** The groups consuming a topic and how far behind each is, furthest behind first. */
export function TopicConsumers({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isPending, refetch } = useTopicConsumers(cluster, topic);
  if (isPending) return <TableSkeleton rows={3} />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (data.consumers.length === 0) {
    return (
      <p className="text-sm text-slate-500" data-testid="topic-consumers-empty">
        No consumer group has committed offsets for this topic or is assigned to it.
      </p>
    );
  }
  const groupHref = (group: string) => `/clusters/${encodeURIComponent(cluster)}/groups/${encodeURIComponent(group)}`;
  const maxLag = largestLag(data.consumers.map((c) => c.lag));
  return (
    <table className="w-full text-sm" data-testid="topic-consumers">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr className="border-b border-slate-200">
          <th className="py-1.5 pr-3 font-medium">Group</th>
          <th className="py-1.5 pr-3 font-medium">State</th>
          <th className="py-1.5 pr-3 text-right font-medium">Members</th>
          <th className="py-1.5 pr-3 text-right font-medium">Partitions</th>
          <th className="py-1.5 pr-3 text-right font-medium">Lag</th>
          <th className="py-1.5 pr-3 text-right font-medium">Worst partition</th>
          <th className="py-1.5 font-medium">Health</th>
        </tr>
      </thead>
      <tbody>
        {data.consumers.map((c) => (
          <tr key={c.groupId} className="border-b border-slate-100 last:border-0" data-testid={`topic-consumer-${c.groupId}`}>
            <td className="max-w-xs truncate py-1.5 pr-3">
              <Link href={groupHref(c.groupId)} className="font-medium text-sky-700 hover:underline">{c.groupId}</Link>
            </td>
            <td className="py-1.5 pr-3"><GroupStateBadge state={c.state} /></td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{c.members}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{c.partitions}</td>
            <td className="py-1.5 pr-3 text-right"><LagValue lag={c.lag} testId={`topic-consumer-lag-${c.groupId}`} tone={lagTone(c.health.status, c.lag, maxLag)} /></td>
            <td className="py-1.5 pr-3 text-right tabular-nums text-slate-600">
              {c.worstPartition && c.worstPartition.lag > 0 ? <>p{c.worstPartition.partition}: <LagValue lag={c.worstPartition.lag} /></> : '–'}
            </td>
            <td className="py-1.5"><HealthBadge health={c.health} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
