import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '@/lib/api/audit';

// Route-wrapper tests without Kafka: the console configured with one cluster that is never
// contacted (the code under test stops before any Kafka call), before anything reads the config.

export interface ConsoleEnv {
  readAudit(): Promise<AuditEntry[]>;
  cleanup(): void;
}

/** `extraYaml` is added at the top level of the configuration file (an `auth:` section, say). */
export function configureConsole(options: { trustProxy?: boolean; extraYaml?: string } = {}): ConsoleEnv {
  const dir = mkdtempSync(join(tmpdir(), 'console-unit-'));
  const configFile = join(dir, 'console.yaml');
  const auditFile = join(dir, 'audit.log');
  writeFileSync(
    configFile,
    [`trustProxy: ${options.trustProxy ? 'true' : 'false'}`, ...(options.extraYaml ? [options.extraYaml] : []), 'clusters:', '  - name: main', '    bootstrapServers: ["127.0.0.1:1"]'].join('\n'),
  );
  process.env.CONSOLE_CONFIG = configFile;
  process.env.CONSOLE_AUDIT_FILE = auditFile;
  delete process.env.CONSOLE_TRUST_PROXY;
  delete process.env.CONSOLE_AUDIT_TOPIC;
  return {
    readAudit: async () => {
      await (await import('@/lib/server/audit')).flushAudit();
      let text = '';
      try {
        text = readFileSync(auditFile, 'utf8');
      } catch {
        return [];
      }
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditEntry);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler the way Next.js does; the status and the parsed JSON body. */
export async function call(handler: Handler, params: Record<string, string>, request: Request): Promise<{ status: number; body: { code?: string; message?: string } }> {
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}
