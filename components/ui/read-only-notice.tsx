'use client';

import { useReadOnly } from '@/lib/queries/admin';

/**
 * Says, where the actions would be, that the cluster is read-only. Pages that change a cluster
 * render it above their forms and disable the actions with `useReadOnly(cluster)`.
 */
export function ReadOnlyNotice({ cluster }: { cluster: string }) {
  const { readOnly, loading } = useReadOnly(cluster);
  if (!readOnly || loading) return null;
  return (
    <div role="status" data-testid="read-only-notice" className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <span className="rounded bg-amber-200/70 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide">read-only</span>
      <span>This console is set to read-only for this cluster: you can look, but creating, changing and deleting are switched off (the server refuses them too).</span>
    </div>
  );
}
