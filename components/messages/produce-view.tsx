'use client';

import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ReadOnlyNotice } from '@/components/ui/read-only-notice';
import { ProduceForm } from './produce-form';
import { useReadOnly } from '@/lib/queries/admin';

/** /clusters/:cluster/produce — write a message to any topic. */
export function ProduceView({ cluster, initialTopic }: { cluster: string; initialTopic?: string }) {
  const { readOnly } = useReadOnly(cluster);
  return (
    <>
      <PageHeader title="Produce a message" subtitle="Written to the partition leader with acks=all; the result names the partition and offset it got." />
      <div className="max-w-4xl space-y-4">
        <ReadOnlyNotice cluster={cluster} />
        <Card>
          <ProduceForm cluster={cluster} initialTopic={initialTopic} disabled={readOnly} />
        </Card>
      </div>
    </>
  );
}
