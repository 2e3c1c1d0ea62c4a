import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { portOpen } from './support';

const CLI = path.join(process.cwd(), 'lib', 'devcluster', 'cli.ts');

describe('devcluster CLI', () => {
  it('prints help', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 0);
    assert.match(out, /--brokers N/);
    assert.match(out, /stop <id>/);
  });

  it('prints the bootstrap string and stops/starts brokers from stdin', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--brokers', '3', '--port', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const waitFor = async (what: () => boolean, label: string) => {
      const end = Date.now() + 20_000;
      while (!what()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${label}; stderr: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(() => out.includes('\n'), 'bootstrap line');
      const servers = out.trim().split(',');
      assert.equal(servers.length, 3);
      assert.ok(servers.every((s) => /^127\.0\.0\.1:\d+$/.test(s)));
      child.stdin.write('stop 2\n');
      await waitFor(() => err.includes('broker 2 stopped'), 'stop');
      assert.equal(await portOpen(servers[1]), false);
      child.stdin.write('status\n');
      await waitFor(() => err.includes('broker 2') && err.includes('DOWN'), 'status');
      child.stdin.write('start 2\n');
      await waitFor(() => err.includes('broker 2 started'), 'start');
      assert.equal(await portOpen(servers[1]), true);
      child.stdin.write('quit\n');
      const code = await new Promise((r) => child.once('exit', r));
      assert.equal(code, 0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
