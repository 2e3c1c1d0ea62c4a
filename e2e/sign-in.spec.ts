import { readFileSync } from 'node:fs';
import { hashPassword } from '@/lib/auth/passwords';
import { expect, test } from './fixtures';
import { withAdmin } from './support/kafka-admin';
import { brokersYaml, startConsoleProcess, type ConsoleProcess } from './support/console-process';

// Sign-in with local users, and what a role limited to some topics sees and may do, against a
// console started with users and roles in its configuration file.

const PASSWORD = 'correct horse battery staple';
const prefix = `e2e-auth-${Date.now().toString(36)}`;
const visible = `${prefix}-orders`;
const hidden = `${prefix}-payments`;

let consoleProcess: ConsoleProcess;

test.beforeAll(async ({ kafka }) => {
  test.setTimeout(120_000);
  const hash = await hashPassword(PASSWORD);
  await withAdmin(kafka, (a) => a.createTopics({ waitForLeaders: true, topics: [visible, hidden].map((topic) => ({ topic, numPartitions: 1 })) }));
  consoleProcess = await startConsoleProcess(
    [
      'auth:',
      '  sessionSecret: "e2e-session-secret-that-is-long-enough"',
      '  users:',
      `    - { username: alice, passwordHash: "${hash}", roles: [admin] }`,
      `    - { username: olga, passwordHash: "${hash}", roles: [orders-reader] }`,
      '  roles:',
      '    - name: orders-reader',
      `      topics: ["${prefix}-orders*"]`,
      '      actions: [view, messages:read]',
      'clusters:',
      '  - name: e2e',
      `    bootstrapServers: ${brokersYaml()}`,
    ].join('\n'),
  );
});

test.afterAll(async ({ kafka }) => {
  await consoleProcess?.stop();
  await withAdmin(kafka, (a) => a.deleteTopics({ topics: [visible, hidden] })).catch(() => undefined);
});

async function signIn(page: import('@playwright/test').Page, user: string, password = PASSWORD) {
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

test('a signed-out visit goes to sign-in, a wrong password is refused, and sign-out ends the session', async ({ page, pageErrors }) => {
  pageErrors.allow(/status of 401 .*\/api\/auth\/login:/);
  await page.goto(`${consoleProcess.base}/clusters/e2e/topics`);
  await expect(page).toHaveURL(/\/login\?next=%2Fclusters%2Fe2e%2Ftopics/);
  await signIn(page, 'alice', 'wrong password');
  await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');
  await signIn(page, 'alice');
  await expect(page).toHaveURL(`${consoleProcess.base}/clusters/e2e/topics`);
  await expect(page.getByTestId('user-name')).toHaveText('alice');
  await expect(page.getByTestId(`topic-row-${hidden}`)).toBeVisible();

  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login$/);
  const me = await page.request.get(`${consoleProcess.base}/api/auth/me`);
  expect(me.status()).toBe(401);
  await page.goto(`${consoleProcess.base}/clusters/e2e`);
  await expect(page).toHaveURL(/\/login\?next=/);

  const audit = readFileSync(consoleProcess.auditFile, 'utf8');
  expect(audit).toMatch(/"user":"alice","clientAddress":"127\.0\.0\.1","cluster":"\*","action":"auth\.sign-in","target":"alice","outcome":"failure"/);
  expect(audit).toMatch(/"action":"auth\.sign-in","target":"alice","outcome":"success"/);
  expect(audit).toMatch(/"action":"auth\.sign-out"/);
});

test('a user limited to some topics sees only those, with every change disabled and refused', async ({ page, kafka }) => {
  await page.goto(`${consoleProcess.base}/login?next=/clusters/e2e/topics`);
  await signIn(page, 'olga');
  await expect(page.getByTestId('user-name')).toHaveText('olga');
  await expect(page.getByTestId(`topic-row-${visible}`)).toBeVisible();
  await expect(page.getByTestId(`topic-row-${hidden}`)).toHaveCount(0);
  await expect(page.getByTestId('topic-create-link')).toHaveAttribute('aria-disabled', 'true');

  const direct = await page.request.get(`${consoleProcess.base}/api/clusters/e2e/topics/${hidden}`);
  expect(direct.status()).toBe(403);

  await page.goto(`${consoleProcess.base}/clusters/e2e/topics/${visible}/settings`);
  await expect(page.getByTestId('permission-notice')).toContainText('topics:delete');
  await page.goto(`${consoleProcess.base}/clusters/e2e/topics/${visible}/messages`);
  await expect(page.getByTestId('produce-open')).toBeDisabled();

  const before = await withAdmin(kafka, (a) => a.fetchTopicOffsets(visible));
  const produce = await page.request.post(`${consoleProcess.base}/api/clusters/e2e/produce`, {
    data: { topic: visible, value: 'not allowed' },
    headers: { origin: consoleProcess.base },
  });
  expect(produce.status()).toBe(403);
  const removal = await page.request.delete(`${consoleProcess.base}/api/clusters/e2e/topics/${visible}`, {
    data: { confirm: visible },
    headers: { origin: consoleProcess.base },
  });
  expect(removal.status()).toBe(403);
  expect(await withAdmin(kafka, (a) => a.fetchTopicOffsets(visible))).toEqual(before);
  expect(await withAdmin(kafka, (a) => a.listTopics())).toContain(visible);
  expect(readFileSync(consoleProcess.auditFile, 'utf8')).toMatch(/"user":"olga".*"action":"topic\.delete".*"outcome":"refused"/);
});
