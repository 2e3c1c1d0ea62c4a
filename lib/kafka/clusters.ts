import 'server-only';
import { notFound } from '@/lib/api/errors';
import { loadConfig } from '@/lib/config/load';
import type { AppConfig, ClusterConfig } from '@/lib/config/schema';
import { startEmbeddedCluster } from './embedded';

// The configured clusters, loaded once per process. With nothing configured the console starts
// the embedded demo cluster and serves it as the one cluster "local".

interface Registry {
  config: AppConfig;
}

const globalKey = Symbol.for('kafka-console.clusters');
type GlobalWithRegistry = typeof globalThis & { [globalKey]?: Promise<Registry> };

export function appConfig(): Promise<AppConfig> {
  return registry().then((r) => r.config);
}

export async function listClusters(): Promise<ClusterConfig[]> {
  return (await appConfig()).clusters;
}

export async function getCluster(id: string): Promise<ClusterConfig> {
  const cluster = (await listClusters()).find((c) => c.id === id);
  if (!cluster) throw notFound(`No cluster named "${id}" is configured.`);
  return cluster;
}

function registry(): Promise<Registry> {
  const g = globalThis as GlobalWithRegistry;
  g[globalKey] ??= createRegistry().catch((error) => {
    delete g[globalKey];
    throw error;
  });
  return g[globalKey];
}

async function createRegistry(): Promise<Registry> {
  const config = loadConfig();
  if (config.clusters.length === 0) {
    const embedded = await startEmbeddedCluster();
    config.clusters = [embedded];
  }
  return { config };
}
