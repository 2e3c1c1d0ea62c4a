import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { HYDRATION_ERROR } from './support/page-errors';

// Every page on a CPU four times slower (Chrome's throttling), as on a busy laptop: the browser
// then hydrates well after the server rendered, which is when time-dependent server HTML breaks
// hydration (React #418) and a page's script errors show. No page may throw or log an error.

const THROTTLE = 4;
let topic = '';
let group = '';

test.beforeAll(async ({ kafka }) => {
  const run = Date.now().toString(36);
  topic = `e2e-throttled-${run}`;
  group = `e2e-throttled-group-${run}`;
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ n: i }) })) });
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '3' }, { partition: 1, offset: '2' }] });
  } finally {
    await producer.disconnect();
    await admin.disconnect();
  }
});

test.afterAll(async ({ kafka }) => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

const pages: { name: string; path: (cluster: string) => string }[] = [
  { name: 'cluster list', path: () => '/' },
  { name: 'overview', path: (c) => `/clusters/${c}` },
  { name: 'brokers', path: (c) => `/clusters/${c}/brokers` },
  { name: 'broker detail', path: (c) => `/clusters/${c}/brokers/1` },
  { name: 'topics', path: (c) => `/clusters/${c}/topics` },
  { name: 'topic detail', path: (c) => `/clusters/${c}/topics/${topic}` },
  { name: 'topic messages', path: (c) => `/clusters/${c}/topics/${topic}/messages` },
  { name: 'topic settings', path: (c) => `/clusters/${c}/topics/${topic}/settings` },
  { name: 'new topic', path: (c) => `/clusters/${c}/topics/new` },
  { name: 'replica sync', path: (c) => `/clusters/${c}/replicas` },
  { name: 'metadata quorum', path: (c) => `/clusters/${c}/quorum` },
  { name: 'consumer groups', path: (c) => `/clusters/${c}/groups` },
  { name: 'schemas', path: (c) => `/clusters/${c}/schemas` },
  { name: 'group detail', path: (c) => `/clusters/${c}/groups/${group}` },
  { name: 'produce', path: (c) => `/clusters/${c}/produce` },
  { name: 'audit log', path: (c) => `/clusters/${c}/audit` },
];

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
}

for (const { name, path } of pages) {
  test(`${name} hydrates without errors at ${THROTTLE}x CPU throttling`, async ({ page, clusterId, pageErrors }) => {
    await throttle(page);
    const response = await page.goto(path(clusterId));
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    // "updated N s ago" replaces the server's "updated just now" only once hydrated: wait for it.
    const updated = page.getByTestId('updated-ago').first();
    if (await updated.count()) await expect(updated).toContainText(/updated \d+ s ago|no data|loading/);
    await expect(page.locator('main').first()).toBeVisible();
    const errors = pageErrors.unexpected();
    expect(errors.filter((e) => HYDRATION_ERROR.test(e.text)), 'hydration errors').toEqual([]);
    expect(errors, 'page and console errors').toEqual([]);
  });
}
