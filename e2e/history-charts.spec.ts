import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BrokersPage } from './pages/brokers-page';
import { OverviewPage } from './pages/overview-page';
import { TopicDetailPage } from './pages/topic-detail-page';

// History charts with real samples: the overview's chart fills, a stopped broker shows on it as
// one broker fewer and under-replicated partitions within two samples, and a topic being written
// to shows its produce rate on its own page and among the overview's busiest topics.

// The console's sampling interval (global-setup), the chart's poll (one interval) and slack for a
// loaded machine.
const SAMPLE_MS = Number(process.env.E2E_SAMPLE_MS ?? 10_000);
const TWO_SAMPLES = 2 * SAMPLE_MS + SAMPLE_MS + 10_000;
const BROKERS_ONLINE = 'cluster.brokers-online';
const UNDER_REPLICATED = 'cluster.under-replicated';

async function screenshot(page: Page, name: string) {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

test('the overview chart draws the sampled traffic and health of the cluster', async ({ page, clusterId }) => {
  const overview = new OverviewPage(page, clusterId);
  await overview.goto();
  const chart = overview.history;
  await expect.poll(() => chart.points(), { timeout: TWO_SAMPLES }).toBeGreaterThanOrEqual(2);
  await expect(chart.root).toHaveAttribute('data-source', 'memory');
  await expect(chart.caption).toContainText(/In-memory since \d\d:\d\d:\d\d/);
  expect(await chart.lastOf(BROKERS_ONLINE)).toBeGreaterThan(0);
  await expect(chart.range('15m')).toBeEnabled();
  // A fresh console holds minutes of samples: a day would show the same as 15 minutes.
  await expect(chart.range('24h')).toBeDisabled();
  await screenshot(page, 'overview-history');
});

test('a stopped broker shows on the overview chart as one broker fewer and under-replicated partitions', async ({ page, kafka, clusterId, faults, uniqueName }) => {
  test.skip(!faults.available, 'Broker faults need the devcluster; TEST_KAFKA_BROKERS points at an external cluster.');
  test.setTimeout(180_000);
  const topic = uniqueName('e2e-history-fault');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: true });

  const brokers = new BrokersPage(page, clusterId);
  await brokers.goto();
  const { ids, controller } = await brokers.brokerIds();
  const victim = ids.find((id) => id !== controller) ?? ids[0];
  const overview = new OverviewPage(page, clusterId);
  const chart = overview.history;
  let stopped = false;
  try {
    await overview.goto();
    await expect.poll(() => chart.lastOf(BROKERS_ONLINE), { timeout: TWO_SAMPLES }).toBe(ids.length);
    await expect.poll(() => chart.lastOf(UNDER_REPLICATED), { timeout: TWO_SAMPLES }).toBe(0);

    await faults.stopBroker(victim);
    stopped = true;
    // The page stays open: the chart's own polling must pick the failure up.
    await expect.poll(() => chart.lastOf(BROKERS_ONLINE), { timeout: TWO_SAMPLES }).toBe(ids.length - 1);
    await expect.poll(async () => (await chart.lastOf(UNDER_REPLICATED)) ?? 0, { timeout: TWO_SAMPLES }).toBeGreaterThanOrEqual(3);
    await expect(overview.health('brokers')).toHaveAttribute('data-severity', 'danger');
    await screenshot(page, 'overview-history-broker-down');

    await faults.startBroker(victim);
    stopped = false;
    // Wait for full recovery so the specs after this one see a healthy cluster.
    await expect.poll(() => chart.lastOf(BROKERS_ONLINE), { timeout: TWO_SAMPLES }).toBe(ids.length);
    await expect.poll(() => chart.lastOf(UNDER_REPLICATED), { timeout: 60_000 }).toBe(0);
    await expect(overview.health('under-replicated')).toHaveAttribute('data-severity', 'ok', { timeout: 30_000 });
  } finally {
    if (stopped) await faults.startBroker(victim);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
});

test('a topic being written to shows its produce rate on its page and among the busiest topics', async ({ page, kafka, clusterId, uniqueName }) => {
  test.setTimeout(120_000);
  const topic = uniqueName('e2e-history-busy');
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
  await producer.connect();
  // A steady producer for the length of the test: 20 messages every 200 ms.
  let writing = true;
  const writer = (async () => {
    while (writing) {
      await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ value: `m-${i}-${'x'.repeat(200)}` })) });
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  try {
    // The topic was made with kafkajs: wait until the console's cached metadata holds it.
    await expect.poll(async () => (await page.request.get(`/api/clusters/${clusterId}/topics/${topic}?refresh=1`)).status()).toBe(200);
    const detail = new TopicDetailPage(page, clusterId, topic);
    await detail.goto();
    await expect.poll(async () => (await detail.history.lastOf('topic.produce-rate')) ?? 0, { timeout: TWO_SAMPLES + SAMPLE_MS }).toBeGreaterThan(0);
    await expect.poll(async () => (await detail.history.lastOf('topic.size')) ?? 0, { timeout: TWO_SAMPLES }).toBeGreaterThan(0);
    await screenshot(page, 'topic-history');

    const overview = new OverviewPage(page, clusterId);
    await overview.goto();
    const busiest = overview.busiestTopic(topic);
    await expect(busiest).toBeVisible({ timeout: TWO_SAMPLES });
    await expect(busiest).toContainText('msg/s');
    await busiest.getByRole('link', { name: topic }).click();
    await expect(page).toHaveURL(new RegExp(`/topics/${topic}$`));
  } finally {
    writing = false;
    await writer.catch(() => undefined);
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
});
