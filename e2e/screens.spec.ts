import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Every page in the light and the dark theme, saved under test-results/screenshots/ for review,
// each after the part that matters has rendered. Two idle groups give the groups pages lag of
// very different sizes (1 and 1,608), as an operator would see on a real cluster.

test.use({ timezoneId: 'Europe/Paris' });

const themes = ['light', 'dark'] as const;

async function shoot(page: Page, name: string, theme: string, ready: Locator) {
  await expect(ready.first()).toBeVisible();
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}-${theme}.png`, fullPage: true });
}

test.describe('screens', () => {
  let topic: string;
  const groups: string[] = [];

  test.beforeAll(async ({ kafka }) => {
    const run = Date.now().toString(36);
    topic = `e2e-screens-${run}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3, configEntries: [{ name: 'retention.ms', value: '86400000' }] }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    const now = Date.now();
    for (let p = 0; p < 3; p++) {
      await producer.send({
        topic,
        messages: Array.from({ length: 1700 }, (_, i) => ({
          partition: p,
          key: `order-${p}-${i}`,
          value: JSON.stringify({ id: i, customer: `c-${i % 97}`, items: [{ sku: 'A-1', qty: 1 }], status: i % 50 === 0 ? 'REFUNDED' : 'PAID', amount: i * 1.5 }),
          headers: { source: 'checkout', trace: `t-${i}` },
          timestamp: String(now - (1700 - i) * 1000),
        })),
      });
    }
    await producer.disconnect();
    // Idle groups with committed offsets: one barely behind, one far behind.
    for (const [name, behind] of [['e2e-screens-billing', 1], ['e2e-screens-audit', 1608]] as const) {
      const groupId = `${name}-${run}`;
      groups.push(groupId);
      await admin.setOffsets({ groupId, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: String(partition === 0 ? 1700 - behind : 1700) })) });
    }
    await admin.disconnect();
  });

  for (const theme of themes) {
    test(`every page, ${theme}`, async ({ page, clusterId }) => {
      test.setTimeout(120_000);
      await page.addInitScript((t) => localStorage.setItem('console-theme', t), theme);
      const base = `/clusters/${clusterId}`;
      const t = encodeURIComponent(topic);
      // The topic was made with kafkajs: wait until the console's cached metadata holds it.
      await expect.poll(async () => (await page.request.get(`/api/clusters/${clusterId}/topics/${t}?refresh=1`)).status()).toBe(200);

      await page.goto(base);
      // History charts wait for their lines (attached: a flat line has no height to be "visible"):
      // an empty chart is not what an operator would see.
      const lines = (chart: string) => page.getByTestId(chart).locator('.recharts-line-curve').first();
      await expect(lines('overview-history')).toBeAttached();
      await shoot(page, 'overview', theme, page.getByTestId('broker-table'));
      await page.goto(`${base}/brokers`);
      await shoot(page, 'brokers', theme, page.getByTestId('broker-logdir-share-1'));
      await page.goto(`${base}/brokers/1`);
      await expect(lines('broker-history')).toBeAttached();
      await shoot(page, 'broker-detail', theme, page.getByTestId('broker-configs'));
      await page.goto(`${base}/topics`);
      await shoot(page, 'topics', theme, page.getByTestId(`topic-row-${topic}`));
      await page.goto(`${base}/topics/${t}`);
      await expect(lines('topic-history')).toBeAttached();
      await shoot(page, 'topic-detail', theme, page.locator('[data-testid^="config-row-"]'));
      await page.goto(`${base}/topics/${t}/settings`);
      await shoot(page, 'topic-settings', theme, page.getByTestId('config-row-retention.ms'));
      await page.goto(`${base}/topics/new`);
      await shoot(page, 'create-topic', theme, page.getByRole('button', { name: /create/i }));

      await page.goto(`${base}/topics/${t}/messages`);
      await shoot(page, 'messages-browse', theme, page.locator('[data-testid^="message-row-"]'));
      await page.goto(`${base}/topics/${t}/messages?mode=search&value=REFUNDED&limit=20`);
      await expect(page.getByTestId('search-progress')).toHaveAttribute('data-status', 'done');
      await shoot(page, 'messages-search', theme, page.getByTestId('match-highlight'));
      // The marked term is inside the visible part of its cell, not cut off by the ellipsis.
      const mark = page.getByTestId('match-highlight').first();
      const [m, c] = [await mark.boundingBox(), await mark.locator('xpath=ancestor::td[1]').boundingBox()];
      expect(m && c && m.x + m.width <= c.x + c.width).toBe(true);
      await page.locator('[data-testid^="message-row-"]').first().click();
      await shoot(page, 'messages-detail', theme, page.getByTestId('detail-match'));
      await page.keyboard.press('Escape');
      await page.getByTestId('produce-open').click();
      await page.getByTestId('produce-tombstone').check();
      await shoot(page, 'messages-produce', theme, page.getByTestId('produce-sends'));

      await page.goto(`${base}/produce`);
      await shoot(page, 'produce', theme, page.getByTestId('produce-form'));
      await page.goto(`${base}/groups?search=e2e-screens`);
      await shoot(page, 'groups', theme, page.getByTestId(`group-lag-${groups[1]}`));
      await expect(page.getByTestId(`group-lag-${groups[1]}`)).not.toHaveAttribute('data-tone', 'plain');
      await expect(page.getByTestId(`group-lag-${groups[0]}`)).toHaveAttribute('data-tone', 'plain');
      await page.goto(`${base}/groups/${groups[1]}`);
      await expect(lines('group-lag-history')).toBeAttached();
      await shoot(page, 'group-detail', theme, page.getByTestId('group-total-lag'));
      await page.goto(`${base}/replicas`);
      await shoot(page, 'replicas', theme, page.locator('main h1'));
      await page.goto(`${base}/audit`);
      await shoot(page, 'audit', theme, page.getByTestId('audit-count'));
    });
  }
});
