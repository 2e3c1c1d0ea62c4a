import 'server-only';
import type { ClusterSummary } from '@/lib/api/clusters';
import type { ClusterConfig } from '@/lib/config/schema';
import { appConfig } from '@/lib/kafka/clusters';

export async function summarizeCluster(cluster: ClusterConfig): Promise<ClusterSummary> {
  const config = await appConfig();
  return {
    id: cluster.id,
    name: cluster.name,
    bootstrapServers: cluster.bootstrapServers,
    readOnly: config.readOnly || cluster.readOnly,
    embedded: cluster.embedded,
    sasl: cluster.sasl?.mechanism ?? null,
    tls: Boolean(cluster.tls),
  };
}
