import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForHttp } from './net';

// A second console, started through the console's own server (scripts/serve.ts) with its own
// configuration file, against the same brokers as the main one: for sign-in and role tests.

export interface ConsoleProcess {
  base: string;
  auditFile: string;
  stop(): Promise<void>;
}

export async function startConsoleProcess(yaml: string, env: Record<string, string> = {}): Promise<ConsoleProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'console-e2e-auth-'));
  const configFile = join(dir, 'console.yaml');
  const auditFile = join(dir, 'audit.log');
  writeFileSync(configFile, yaml);
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--port', String(port)], {
    env: { ...process.env, CONSOLE_CONFIG: configFile, CONSOLE_AUDIT_FILE: auditFile, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/auth/me`, 60_000);
  return {
    base,
    auditFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

/** The brokers of the cluster under test, as a YAML flow list. */
export const brokersYaml = () => `[${process.env.E2E_BROKERS!.split(',').map((b) => JSON.stringify(b)).join(', ')}]`;
