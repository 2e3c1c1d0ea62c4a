'use client';

import { BackLink } from '@/components/ui/back-link';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { ReadOnlyNotice } from '@/components/ui/read-only-notice';
import { Skeleton } from '@/components/ui/skeleton';
import { useTopicFormContext } from '@/lib/queries/admin';
import { usePermission } from '@/lib/queries/auth';
import { CreateTopicForm } from './create-topic-form';

/** /clusters/:cluster/topics/new, optionally prefilled from an existing topic (?from=). */
export function CreateTopicView({ cluster, from }: { cluster: string; from?: string }) {
  const context = useTopicFormContext(cluster, from);
  const { allowed, reason } = usePermission(cluster, 'topics:create');
  const topicsHref = `/clusters/${encodeURIComponent(cluster)}/topics`;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader
        title={from ? `New topic from “${from}”` : 'New topic'}
        subtitle={
          from
            ? 'Partitions, replication and config overrides are copied from the source topic; records are not.'
            : 'Checked as you type; the broker gives its verdict before anything is created.'
        }
        actions={<BackLink href={topicsHref}>Topics</BackLink>}
      />
      <ReadOnlyNotice cluster={cluster} />
      {context.isPending && <FormSkeleton />}
      {context.error && <ErrorState error={context.error} onRetry={() => void context.refetch()} />}
      {context.data && (
        <CreateTopicForm
          key={from ?? ''}
          cluster={cluster}
          context={context.data}
          readOnly={!allowed}
          readOnlyReason={reason}
        />
      )}
    </div>
  );
}

function FormSkeleton() {
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_20rem]" data-testid="create-form-skeleton">
      <Card>
        <div className="space-y-3">
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-1/2" />
          <Skeleton className="h-24 w-full" />
        </div>
      </Card>
      <Card>
        <Skeleton className="h-40 w-full" />
      </Card>
    </div>
  );
}
