'use client';

import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PermissionNotice } from '@/components/ui/permission-notice';
import { ReadOnlyNotice } from '@/components/ui/read-only-notice';
import { ProduceForm } from './produce-form';
import { usePermission } from '@/lib/queries/auth';

/** /clusters/:cluster/produce — write a message to any topic. */
export function ProduceView({ cluster, initialTopic }: { cluster: string; initialTopic?: string }) {
  // Topic-limited roles are checked again per topic by the server when the message is sent.
  const produce = usePermission(cluster, 'messages:produce');
  return (
    <>
      <PageHeader title="Produce a message" subtitle="Written to the partition leader with acks=all; the result names the partition and offset it got." />
      <div className="max-w-4xl space-y-4">
        <ReadOnlyNotice cluster={cluster} />
        <PermissionNotice permissions={[produce]} />
        <Card>
          <ProduceForm cluster={cluster} initialTopic={initialTopic} disabled={!produce.allowed} />
        </Card>
      </div>
    </>
  );
}
