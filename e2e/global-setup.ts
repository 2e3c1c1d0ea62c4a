import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevCluster } from '@/lib/devcluster';
import { startSchemaRegistry } from '@/lib/devcluster/schema-registry';
import { startControlServer } from './support/control-server';
import { freePort, waitForHttp } from './support/net';
import { setState } from './support/state';

// Starts a devcluster (unless TEST_KAFKA_BROKERS names an external cluster), a small HTTP control
// endpoint so tests can stop and start brokers, and the built console against that cluster.
export default async function globalSetup() {
  const external = process.env.TEST_KAFKA_BROKERS;
  const cluster = external ? undefined : await startDevCluster({ brokers: 3, basePort: 0 });
  // Started here rather than through startDevCluster's option: Playwright's loader cannot follow
  // that option's dynamic import of a TypeScript module.
  if (cluster) {
    const registry = await startSchemaRegistry(cluster, { port: 0 });
    cluster.schemaRegistryUrl = registry.url;
    cluster.onClose(() => registry.close());
  }
  const brokers = external ?? cluster!.bootstrapServers.join(',');
  const control = cluster ? await startControlServer(cluster) : undefined;

  // Samples every 3 s (not the default 10 s) so history charts move within a test; the groups'
  // health window stays at its 30 s minimum, which no spec depends on being longer.
  const sampleMs = '3000';
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port)], {
    env: {
      ...process.env,
      KAFKA_BROKERS: brokers,
      KAFKA_CLUSTER_NAME: 'e2e',
      ...(cluster?.schemaRegistryUrl ? { KAFKA_SCHEMA_REGISTRY_URL: cluster.schemaRegistryUrl } : {}),
      CONSOLE_AUDIT_FILE: join(dataDir, 'audit.log'),
      CONSOLE_SAMPLE_MS: sampleMs,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseURL}/api/clusters`, 60_000);

  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_BROKERS = brokers;
  process.env.E2E_CLUSTER = 'e2e';
  process.env.E2E_SAMPLE_MS = sampleMs;
  process.env.E2E_AUDIT_FILE = join(dataDir, 'audit.log');
  if (control) process.env.E2E_CONTROL_URL = control.url;
  if (cluster?.schemaRegistryUrl) process.env.E2E_SCHEMA_REGISTRY_URL = cluster.schemaRegistryUrl;
  setState({ app, cluster, control });
}
