'use client';

import { ConfigTable } from '@/components/ui/config-table';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useTopicConfigs } from '@/lib/queries/topics';

export function TopicConfigs({ cluster, topic }: { cluster: string; topic: string }) {
  const { data, error, isPending, refetch } = useTopicConfigs(cluster, topic);
  if (isPending) return <TableSkeleton rows={6} />;
  if (!data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return <ConfigTable configs={data.configs} testId="topic-configs" />;
}
