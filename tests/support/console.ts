import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';

// Route-handler integration tests: a devcluster on random ports, and the console configured with it
// ("main") plus a cluster that cannot be reached ("down"), before any route module reads the config.

export interface ConsoleUnderTest {
  cluster: DevCluster;
  brokers: string[];
  auditFile: string;
  close(): Promise<void>;
}

/**
 * `auth`: YAML lines of an `auth:` section (users, roles), indented as its body;
 * `extraConfig`: more top-level YAML lines for the console's configuration; `brokerConfigs`:
 * static configs of the embedded cluster's brokers.
 */
export async function startConsoleUnderTest(
  options: { readOnly?: boolean; auth?: string[]; extraConfig?: string[]; brokerConfigs?: Record<string, string> } = {},
): Promise<ConsoleUnderTest> {
  const external = process.env.TEST_KAFKA_BROKERS;
  const cluster = await startDevCluster({ brokers: 3, basePort: 0, brokerConfigs: options.brokerConfigs });
  const brokers = external ? external.split(',') : cluster.bootstrapServers;
  const dir = mkdtempSync(join(tmpdir(), 'console-test-'));
  const configFile = join(dir, 'console.yaml');
  const auditFile = join(dir, 'audit.log');
  writeFileSync(
    configFile,
    [
      `readOnly: ${options.readOnly ? 'true' : 'false'}`,
      'clusters:',
      '  - name: main',
      `    bootstrapServers: [${brokers.map((b) => JSON.stringify(b)).join(', ')}]`,
      '  - name: down',
      '    bootstrapServers: ["127.0.0.1:1"]',
      '  - name: locked',
      `    bootstrapServers: [${brokers.map((b) => JSON.stringify(b)).join(', ')}]`,
      '    readOnly: true',
      ...(options.auth ? ['auth:', ...options.auth.map((line) => `  ${line}`)] : []),
      ...(options.extraConfig ?? []),
    ].join('\n'),
  );
  process.env.CONSOLE_CONFIG = configFile;
  process.env.CONSOLE_AUDIT_FILE = auditFile;
  return {
    cluster,
    brokers,
    auditFile,
    close: async () => {
      await releaseConsole(['main', 'down', 'locked']);
      await cluster.close();
    },
  };
}

/** Lets the process exit: finishes audit writes and closes every client and timer the console opened. */
async function releaseConsole(clusterIds: string[]): Promise<void> {
  const [{ flushAudit }, { closeProtocolClient }, { stopSampler }] = await Promise.all([
    import('@/lib/server/audit'),
    import('@/lib/kafka/protocol-pool'),
    import('@/lib/kafka/groups/sampler'),
  ]);
  await flushAudit();
  for (const id of clusterIds) {
    stopSampler(id);
    await closeProtocolClient(id);
  }
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler the way Next.js does, and returns the status and parsed JSON body. */
export async function callRoute<T = unknown>(
  handler: Handler,
  params: Record<string, string>,
  options: { query?: Record<string, string | undefined>; body?: unknown; rawBody?: string; method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T }> {
  const url = new URL('http://127.0.0.1:3000/api');
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const request = new Request(url, {
    method: options.method ?? (hasBody ? 'POST' : 'GET'),
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
