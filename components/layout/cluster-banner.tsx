'use client';

import { Badge } from '@/components/ui/badge';
import { useCluster } from '@/lib/queries/clusters';

/** Names the cluster and says, visibly, when it is read-only or the embedded demo cluster. */
export function ClusterBanner({ cluster }: { cluster: string }) {
  const { data } = useCluster(cluster);
  return (
    <div className="space-y-1.5 px-3">
      <p className="truncate text-sm font-semibold text-white" title={data?.bootstrapServers.join(', ')}>
        {data?.name ?? cluster}
      </p>
      <div className="flex flex-wrap gap-1">
        {data?.readOnly && <Badge tone="warn" testId="read-only-badge">read-only</Badge>}
        {data?.embedded && <Badge tone="info" testId="demo-badge" title="No cluster is configured: this is the embedded demo cluster.">embedded demo</Badge>}
        {data?.tls && <Badge tone="neutral">TLS</Badge>}
        {data?.sasl && <Badge tone="neutral">SASL {data.sasl.toUpperCase()}</Badge>}
      </div>
    </div>
  );
}
