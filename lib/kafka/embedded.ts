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
 * so kcat and other tools can reach it) and serves a Schema Registry on
 * DEVCLUSTER_SCHEMA_REGISTRY_PORT (default 8081); each falls back to a random port when taken.
 */
export async function startEmbeddedCluster(): Promise<ClusterConfig> {
  const cluster = await startDemoCluster(process.env);
  console.log(
    `[console] No cluster configured: started the embedded demo cluster at ${cluster.bootstrapServers.join(',')}, schema registry at ${cluster.schemaRegistryUrl}, data ${cluster.options.dataDir ? `in ${cluster.options.dataDir}` : 'in memory'}`,
  );
  return {
    id: 'local',
    name: 'local (embedded demo)',
    bootstrapServers: cluster.bootstrapServers,
    readOnly: false,
    embedded: true,
    ...(cluster.schemaRegistryUrl ? { schemaRegistry: { url: cluster.schemaRegistryUrl } } : {}),
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
  const ports = { broker: Number(env.DEVCLUSTER_PORT ?? 9092), registry: Number(env.DEVCLUSTER_SCHEMA_REGISTRY_PORT ?? 8081) };
  const cluster = await startOnFreePorts(ports, dataDir).catch((error: unknown) => {
    if ('release' in lock) lock.release();
    throw error;
  });
  if ('release' in lock) cluster.onClose(lock.release);
  return cluster;
}

async function startOnFreePorts(ports: { broker: number; registry: number }, dataDir: string | undefined): Promise<DevCluster> {
  let { broker, registry } = ports;
  for (;;) {
    try {
      return await startDevCluster({ brokers: 3, basePort: broker, demo: true, dataDir, schemaRegistry: { port: registry } });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      const port = (error as { port?: number }).port;
      // A taken port is expected (another console, a local Kafka or registry): one line, no stack trace.
      if (registry !== 0 && port === registry) {
        console.log(`[console] Port ${registry} is in use: the embedded schema registry takes a random port instead.`);
        registry = 0;
      } else if (broker !== 0) {
        console.log(`[console] Port ${port ?? broker} is in use: the embedded demo cluster takes random ports instead.`);
        broker = 0;
      } else {
        throw error;
      }
    }
  }
}
