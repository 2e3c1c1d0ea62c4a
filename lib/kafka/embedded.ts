import 'server-only';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ClusterConfig } from '@/lib/config/schema';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { isLockFile, lockDataDir } from './data-dir-lock';

/** Where the demo cluster keeps its data unless DEVCLUSTER_DATA_DIR says otherwise. */
export const DEFAULT_DEMO_DATA_DIR = '.data/devcluster';

/**
 * Starts the embedded cluster with live demo data. It listens on DEVCLUSTER_PORT (default 9092,
 * so kcat and other tools can reach it) and falls back to random ports when that is taken.
 */
export async function startEmbeddedCluster(): Promise<ClusterConfig> {
  const cluster = await startDemoCluster(process.env);
  console.log(
    `[console] No cluster configured: started the embedded demo cluster at ${cluster.bootstrapServers.join(',')}, data ${cluster.options.dataDir ? `in ${cluster.options.dataDir}` : 'in memory'}`,
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
 * (default .data/devcluster); DEVCLUSTER_FRESH=true deletes that first. When another console holds
 * the directory, this one runs in memory.
 */
export async function startDemoCluster(env: Record<string, string | undefined>): Promise<DevCluster> {
  // turbopackIgnore: a data dir chosen at run time, not a file the build should trace and bundle.
  const dir = path.resolve(/*turbopackIgnore: true*/ env.DEVCLUSTER_DATA_DIR || DEFAULT_DEMO_DATA_DIR);
  const lock = lockDataDir(dir);
  if ('heldBy' in lock) {
    console.log(`[console] ${dir} is in use by another console (pid ${lock.heldBy}): this demo cluster keeps its data in memory.`);
  } else if (env.DEVCLUSTER_FRESH === 'true') {
    for (const name of readdirSync(/*turbopackIgnore: true*/ dir)) if (!isLockFile(name)) rmSync(path.join(/*turbopackIgnore: true*/ dir, name), { recursive: true, force: true });
  }
  const dataDir = 'heldBy' in lock ? undefined : dir;
  const cluster = await startOnFreePorts(Number(env.DEVCLUSTER_PORT ?? 9092), dataDir).catch((error: unknown) => {
    if ('release' in lock) lock.release();
    throw error;
  });
  if ('release' in lock) cluster.onClose(lock.release);
  return cluster;
}

async function startOnFreePorts(basePort: number, dataDir: string | undefined): Promise<DevCluster> {
  try {
    return await startDevCluster({ brokers: 3, basePort, demo: true, dataDir });
  } catch (error) {
    if (basePort === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // A taken port is expected (another console, a local Kafka): one line, no stack trace.
    console.log(`[console] Port ${(error as { port?: number }).port ?? basePort} is in use: the embedded demo cluster takes random ports instead.`);
    return startDevCluster({ brokers: 3, basePort: 0, demo: true, dataDir });
  }
}
