import { spawn } from 'node:child_process';
import { expect, test } from './fixtures';
import { freePort, waitForHttp } from './support/net';

// Listening beyond loopback without sign-in: refused at start, unless CONSOLE_AUTH=none says so,
// and then every page carries a warning.

function serve(env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', '--hostname', '0.0.0.0', '--port', String(port)], {
    env: { ...process.env, KAFKA_BROKERS: process.env.E2E_BROKERS!, KAFKA_CLUSTER_NAME: 'e2e', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test('without sign-in the console refuses to listen on every interface, and says how to fix it', async () => {
  const port = await freePort();
  const server = serve({ CONSOLE_AUTH: '' }, port);
  expect(await server.exited).toBe(1);
  expect(server.output()).toContain('Refusing to listen on 0.0.0.0 without sign-in');
  expect(server.output()).toContain('CONSOLE_AUTH=none');
});

test('with CONSOLE_AUTH=none it listens, warns in the log, and every page shows a banner', async ({ page }) => {
  test.setTimeout(90_000);
  const port = await freePort();
  const server = serve({ CONSOLE_AUTH: 'none' }, port);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/clusters`, 60_000);
    expect(server.output()).toMatch(/WARNING: listening on 0\.0\.0\.0 with CONSOLE_AUTH=none/);
    await page.goto(`http://127.0.0.1:${port}/clusters/e2e/topics`);
    await expect(page.getByTestId('no-auth-banner')).toContainText('no sign-in');
  } finally {
    // Leave the page first: its link prefetches would otherwise be cut off by the server stopping.
    await page.goto('about:blank');
    server.child.kill('SIGTERM');
    await server.exited;
  }
});
