import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { expect, test } from './fixtures';
import { withAdmin } from './support/kafka-admin';
import { freePort, waitForHttp } from './support/net';
import { startOidcProvider, type TestProvider } from './support/oidc-provider';

// Single sign-on end to end: a real OpenID Connect provider (node-oidc-provider, with its
// development login and consent pages), and a console started with auth.oidc pointing at it.
// Groups in the provider's claims map to console roles; a user without a mapped group and a
// tampered response are both refused with a message on the sign-in page.

let provider: TestProvider | undefined;
let consoleProcess: ChildProcess | undefined;
let base = '';
let auditFile = '';
const sessionSecret = `e2e-session-secret-${'x'.repeat(32)}`;

const accounts = {
  ada: { name: 'Ada Admin', groups: ['kafka-admins', 'staff'] },
  vera: { name: 'Vera Viewer', groups: ['kafka-viewers'] },
  mallory: { name: 'Mallory Marketing', groups: ['marketing'] },
};

test.beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUri: `${base}/api/auth/oidc/callback`, accounts });
  const dir = mkdtempSync(join(tmpdir(), 'console-e2e-oidc-'));
  auditFile = join(dir, 'audit.log');
  const configFile = join(dir, 'console.yaml');
  const brokers = process.env.E2E_BROKERS!.split(',');
  writeFileSync(
    configFile,
    [
      'auth:',
      `  sessionSecret: ${sessionSecret}`,
      '  oidc:',
      `    issuer: ${provider.issuer}`,
      `    clientId: ${provider.clientId}`,
      `    clientSecret: ${provider.clientSecret}`,
      '    scopes: [openid, profile, groups]',
      '    rolesClaim: groups',
      '    displayName: E2E Identity',
      '    roleMapping:',
      '      kafka-admins: [admin]',
      '      kafka-viewers: [orders-viewer]',
      '  roles:',
      '    - name: orders-viewer',
      '      topics: ["orders*"]',
      '      actions: [view, messages:read]',
      'clusters:',
      `  - name: ${process.env.E2E_CLUSTER ?? 'e2e'}`,
      `    bootstrapServers: [${brokers.map((b) => JSON.stringify(b)).join(', ')}]`,
    ].join('\n'),
  );
  consoleProcess = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, CONSOLE_CONFIG: configFile, CONSOLE_AUDIT_FILE: auditFile, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHttp(`${base}/api/clusters`, 60_000);
});

test.afterAll(async () => {
  const proc = consoleProcess;
  if (proc && proc.exitCode === null) {
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  }
  await provider?.close();
});

test.beforeEach(async ({ context, pageErrors }) => {
  // The provider's pages import web fonts; nothing here may leave the machine.
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
  pageErrors.allow(/net::ERR_FAILED \(https:\/\/fonts\.googleapis\.com\//);
});

/** Opens a console page signed out, follows the sign-in button and signs in at the provider. */
async function signInAt(page: Page, login: string, wanted = '/clusters/e2e/topics') {
  await page.goto(`${base}${wanted}`);
  await expect(page).toHaveURL(`${base}/login?next=${encodeURIComponent(wanted)}`);
  await page.getByTestId('oidc-sign-in').click();
  await expect(page).toHaveURL(new RegExp(`^${provider!.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function me(page: Page): Promise<{ status: number; body: { user?: { name: string; method: string }; rules?: unknown[] } }> {
  // Through the context's request client (same cookies): a signed-out 401 is then not a page's console error.
  const response = await page.request.get(`${base}/api/auth/me`);
  return { status: response.status(), body: await response.json() };
}

function auditEntries(): { user: string; action: string; outcome: string; error?: string }[] {
  return readFileSync(auditFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

test('the sign-in page offers the provider, named as configured', async ({ page }) => {
  await page.goto(`${base}/login`);
  await expect(page.getByTestId('oidc-sign-in')).toHaveText('Sign in with E2E Identity');
});

test('a user in kafka-admins signs in through the provider and lands where they were going, as admin', async ({ page }) => {
  await signInAt(page, 'ada');
  await expect(page).toHaveURL(`${base}/clusters/e2e/topics`);
  const { status, body } = await me(page);
  expect(status).toBe(200);
  expect(body.user).toEqual({ name: 'ada', method: 'oidc' });
  expect(body.rules).toEqual([expect.objectContaining({ name: 'admin', clusters: ['*'] })]);
  await expect(page.getByTestId('topics-results')).toBeVisible();
  expect(auditEntries()).toContainEqual(expect.objectContaining({ user: 'ada', action: 'auth.sign-in', outcome: 'success' }));
  // The flow cookie is gone once it has been used.
  expect((await page.context().cookies(base)).map((c) => c.name)).not.toContain('console_oidc_flow');
});

test('a user in kafka-viewers gets only the orders topics, and may not create a topic', async ({ page, kafka, uniqueName, pageErrors }) => {
  pageErrors.allow(/status of 403 .*\/api\/clusters\/e2e\/topics(\/payments-e2e[^/]*)?:/);
  const orders = uniqueName('orders-e2e');
  const payments = uniqueName('payments-e2e');
  await withAdmin(kafka, (a) => a.createTopics({ topics: [{ topic: orders, numPartitions: 1 }, { topic: payments, numPartitions: 1 }], waitForLeaders: true }));

  await signInAt(page, 'vera');
  await expect(page).toHaveURL(`${base}/clusters/e2e/topics`);
  const { body } = await me(page);
  expect(body.user).toEqual({ name: 'vera', method: 'oidc' });
  expect(body.rules).toEqual([{ name: 'orders-viewer', clusters: ['*'], topics: ['orders*'], actions: ['view', 'messages:read'] }]);

  const statuses = await page.evaluate(
    async ({ orders, payments }) => {
      const status = async (path: string, init?: RequestInit) => (await fetch(path, init)).status;
      return {
        orders: await status(`/api/clusters/e2e/topics/${orders}`),
        payments: await status(`/api/clusters/e2e/topics/${payments}`),
        create: await status('/api/clusters/e2e/topics', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `${orders}-new`, partitions: 1, replicationFactor: 1 }),
        }),
      };
    },
    { orders, payments },
  );
  expect(statuses).toEqual({ orders: 200, payments: 403, create: 403 });
});

test('signing in over an older session replaces it', async ({ page }) => {
  await page.goto(`${base}/login`);
  await page.getByTestId('oidc-sign-in').click();
  await expect(page).toHaveURL(new RegExp(`^${provider!.issuer}/interaction/`));
  // While the user is at the provider: a session as the console signs them, last seen two
  // minutes ago, old enough that the request bringing it back gets a re-signed copy.
  const now = Math.floor(Date.now() / 1000);
  const old = await new SignJWT({ name: 'someone-else', method: 'oidc', roles: ['viewer'], seen: now - 120 })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now - 120)
    .setExpirationTime(now + 3600)
    .sign(createHash('sha256').update(sessionSecret).digest());
  await page.context().addCookies([{ name: 'console_session', value: old, url: base, httpOnly: true, sameSite: 'Lax' }]);
  await page.locator('input[name="login"]').fill('ada');
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${base}/`);
  expect((await me(page)).body.user).toEqual({ name: 'ada', method: 'oidc' });
});

test('a user whose groups map to no role is refused, with the reason on the sign-in page', async ({ page }) => {
  await signInAt(page, 'mallory');
  await expect(page).toHaveURL(`${base}/login?error=no_roles`);
  await expect(page.getByTestId('sign-in-error')).toContainText('none of your groups gives access');
  expect((await me(page)).status).toBe(401);
  expect(auditEntries()).toContainEqual(expect.objectContaining({ user: 'mallory', action: 'auth.sign-in', outcome: 'refused' }));
});

test('a response whose state was tampered with is refused', async ({ page }) => {
  // Playwright routes only the first request of a redirect chain, so the state is changed on its
  // way out (in the console's redirect to the provider): the provider then answers with a real
  // code and the tampered state, which does not match the one in the flow cookie.
  await page.route(
    (url) => url.pathname === '/api/auth/oidc/login',
    async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers().location);
      location.searchParams.set('state', 'tampered');
      await route.fulfill({ response, headers: { ...response.headers(), location: location.href } });
    },
  );
  await signInAt(page, 'ada');
  await expect(page).toHaveURL(`${base}/login?error=state_mismatch`);
  await expect(page.getByTestId('sign-in-error')).toContainText('did not match the request this browser made');
  expect((await me(page)).status).toBe(401);
  expect(auditEntries()).toContainEqual(expect.objectContaining({ action: 'auth.sign-in', outcome: 'failure', error: expect.stringContaining('state') }));
});

test('a callback without the flow this browser started is refused', async ({ page }) => {
  await page.goto(`${base}/api/auth/oidc/callback?code=forged&state=forged`);
  await expect(page).toHaveURL(`${base}/login?error=flow_expired`);
  await expect(page.getByTestId('sign-in-error')).toContainText('Please sign in again');
});
