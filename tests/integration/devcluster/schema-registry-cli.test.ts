// `npm run devcluster -- --schema-registry <port>` starts the registry and prints its URL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { waitFor } from '@/tests/support/wait';

const CLI = path.join(process.cwd(), 'lib', 'devcluster', 'cli.ts');

describe('devcluster CLI --schema-registry', () => {
  it('documents the flag in --help', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    assert.equal(await new Promise((r) => child.once('exit', r)), 0);
    assert.match(out, /--schema-registry P/);
  });

  it('serves the registry on the port given and prints its URL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--brokers', '1', '--port', '0', '--schema-registry', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    try {
      await waitFor(() => /schema registry at (http:\S+)/.test(err), { timeoutMs: 20_000, what: () => `the registry URL; stderr: ${err}` });
      const url = /schema registry at (http:\S+)/.exec(err)![1];
      const res = await fetch(`${url}/subjects`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), []);
    } finally {
      child.stdin.write('quit\n');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('refuses a port that is not a number', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--schema-registry', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    assert.equal(await new Promise((r) => child.once('exit', r)), 1);
    assert.match(err, /--schema-registry expects a port/);
  });
});
