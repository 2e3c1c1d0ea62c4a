import 'server-only';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ClusterConfig } from '@/lib/config/schema';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';

/** Where the demo cluster keeps its data unless DEVCLUSTER_DATA_DIR says otherwise. */
export const DEFAULT_DEMO_DATA_DIR = '.data/devcluster';

/**
 * Starts the embedded cluster with live demo data. It listens on DEVCLUSTER_PORT (default 9092,
 * so kcat and other tools can reach it) and falls back to random ports when that is taken.
 */
export async function startEmbeddedCluster(): Promise<ClusterConfig> {
  const cluster = await startDemoCluster(process.env);
  console.log(
    `[console] No cluster configured: started the embedded demo cluster at ${cluster.bootstrapServers.join(',')}, data in ${cluster.options.dataDir}`,
  );
  return {
    id: 'local',
    name: 'local (embedded demo)',
    bootstrapServers: cluster.bootstrapServers,
    readOnly: false,
    embedded: true,
  };
}

/**
 * The demo cluster keeps what the operator created across restarts, in DEVCLUSTER_DATA_DIR
 * (default .data/devcluster); DEVCLUSTER_FRESH=true deletes that first.
 */
export async function startDemoCluster(env: Record<string, string | undefined>): Promise<DevCluster> {
  const dataDir = path.resolve(env.DEVCLUSTER_DATA_DIR || DEFAULT_DEMO_DATA_DIR);
  if (env.DEVCLUSTER_FRESH === 'true') rmSync(dataDir, { recursive: true, force: true });
  const basePort = Number(env.DEVCLUSTER_PORT ?? 9092);
  try {
    return await startDevCluster({ brokers: 3, basePort, demo: true, dataDir });
  } catch (error) {
    if (basePort === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // A taken port is expected (another console, a local Kafka): one line, no stack trace.
    console.log(`[console] Port ${(error as { port?: number }).port ?? basePort} is in use: the embedded demo cluster takes random ports instead.`);
    return startDevCluster({ brokers: 3, basePort: 0, demo: true, dataDir });
  }
}
