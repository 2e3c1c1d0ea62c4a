'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';

// A topic, group or broker the cluster does not have (HTTP 404), shown inside the cluster's
// layout so the way back is one click away.
export default function ClusterNotFound() {
  const { cluster } = useParams<{ cluster: string }>();
  return (
    <div className="max-w-xl" data-testid="not-found">
      <h1 className="text-xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This cluster has no such topic, consumer group, schema subject or broker. It may have been deleted.</p>
      <div className="mt-4 flex gap-4 text-sm font-medium">
        <Link href={`/clusters/${cluster}`} data-testid="not-found-back" className="text-sky-700 hover:underline">
          ← Cluster overview
        </Link>
        <Link href="/" className="text-sky-700 hover:underline">
          All clusters
        </Link>
      </div>
    </div>
  );
}
