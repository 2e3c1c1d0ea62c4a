'use client';

import Link from 'next/link';
import { usePermission } from '@/lib/queries/auth';

/** "Create topic" for page headers; shown disabled, with the reason, on a read-only cluster or for a role that may not create. */
export function CreateTopicLink({ cluster }: { cluster: string }) {
  const { allowed, reason } = usePermission(cluster, 'topics:create');
  const look = 'rounded-md px-3 py-1.5 text-sm font-medium';
  if (!allowed) {
    return (
      <span aria-disabled="true" title={reason} data-testid="topic-create-link" className={`${look} cursor-not-allowed bg-slate-200 text-slate-500`}>
        Create topic
      </span>
    );
  }
  return (
    <Link href={`/clusters/${encodeURIComponent(cluster)}/topics/new`} data-testid="topic-create-link" className={`${look} bg-sky-700 text-white hover:bg-sky-800`}>
      Create topic
    </Link>
  );
}
