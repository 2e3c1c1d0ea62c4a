import 'server-only';
import { appConfig } from '@/lib/kafka/clusters';
import { getOverview } from '@/lib/kafka/cluster/overview';
import { topicsSnapshot } from '@/lib/kafka/topics/read';

/**
 * Loads the configuration, failing fast with every problem listed, and with nothing configured
 * starts the embedded demo cluster before the first page asks for it.
 */
export async function startConsole(): Promise<void> {
  try {
    const config = await appConfig();
    const clusters = config.clusters.map((c) => `${c.id} (${c.bootstrapServers.join(',')})`).join('; ');
    console.log(`[console] clusters: ${clusters}${config.readOnly ? ' — read-only' : ''}`);
    for (const cluster of config.clusters) void warm(cluster.id);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/**
 * Opens the connections, negotiates versions and fills the caches in the background, so the first
 * visitor does not pay for them. A cluster that is down now is simply shown as down later.
 */
async function warm(clusterId: string): Promise<void> {
  await Promise.all([getOverview(clusterId), topicsSnapshot(clusterId)]).catch(() => undefined);
}
