import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForHttp } from '@/e2e/support/net';
import { percentile } from './support/percentile';

// Restarting the console with nothing changed, as an operator does: `npm start` (build check,
// then `next start`, the embedded demo cluster on its data dir) until the first page answers
// HTTP. The first start builds if the sources changed and is not counted. Target < 10 s.

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 10_000;

async function startOnce(port: number, dataDir: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  // Its own process group, so the stop reaches npm, tsx and next alike.
  const child = spawn('npm', ['start', '--', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, KAFKA_BROKERS: '', CONSOLE_CONFIG: '', DEVCLUSTER_PORT: '0', DEVCLUSTER_DATA_DIR: join(dataDir, 'devcluster'), CONSOLE_AUDIT_FILE: join(dataDir, 'audit.log') },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, timeoutMs);
    return Date.now() - started;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-restart-'));
  try {
    const port = await freePort();
    const first = await startOnce(port, dataDir, 600_000);
    console.log(`first start (builds if the sources changed)   ${(first / 1000).toFixed(1)} s`);
    const restarts: number[] = [];
    for (let i = 0; i < RUNS; i++) restarts.push(await startOnce(port, dataDir, 120_000));
    const p50 = percentile(restarts, 50);
    console.log(`restart, nothing changed (${RUNS} runs)          p50 ${(p50 / 1000).toFixed(1)} s  max ${(Math.max(...restarts) / 1000).toFixed(1)} s`);
    console.log(`target < ${TARGET_MS / 1000} s: ${p50 < TARGET_MS ? 'met' : 'MISSED'}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
