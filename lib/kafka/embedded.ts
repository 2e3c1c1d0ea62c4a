import 'server-only';
import type { ClusterConfig } from '@/lib/config/schema';
import { startDevCluster } from '@/lib/devcluster';

/**
 * Starts the embedded cluster with live demo data. It listens on DEVCLUSTER_PORT (default 9092,
 * so kcat and other tools can reach it) and falls back to random ports when that is taken.
 */
export async function startEmbeddedCluster(): Promise<ClusterConfig> {
  const basePort = Number(process.env.DEVCLUSTER_PORT ?? 9092);
  const cluster = await startDevCluster({ brokers: 3, basePort, demo: true }).catch(() =>
    startDevCluster({ brokers: 3, basePort: 0, demo: true }),
  );
  console.log(
    `[console] No cluster configured: started the embedded demo cluster at ${cluster.bootstrapServers.join(',')}`,
  );
  return {
    id: 'local',
    name: 'local (embedded demo)',
    bootstrapServers: cluster.bootstrapServers,
    readOnly: false,
    embedded: true,
  };
}
