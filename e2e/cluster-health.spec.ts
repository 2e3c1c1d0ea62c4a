import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BrokersPage } from './pages/brokers-page';
import { OverviewPage } from './pages/overview-page';
import { ReplicasPage } from './pages/replicas-page';
import { TopicDetailPage } from './pages/topic-detail-page';
import { TopicsPage } from './pages/topics-page';

// Overview, brokers, topics, topic detail and replica sync with real data: a topic created with
// kafkajs shows up with its partitions and size, and a stopped broker shows as offline with its
// partitions under-replicated everywhere within one poll, and clears after a restart.

// One poll (5 s) plus the server cache (3 s) and some slack for a loaded machine.
const ONE_POLL = 10_000;

async function screenshot(page: Page, name: string) {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

test('a topic created with kafkajs appears with its partitions, size and messages', async ({ page, kafka, clusterId, uniqueName }) => {
  const topic = uniqueName('e2e-orders');
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 4, replicationFactor: 3 }], waitForLeaders: true });
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, value: `value-${i}-${'x'.repeat(100)}` })) });

    const topics = new TopicsPage(page, clusterId);
    await topics.goto();
    await topics.search.fill(topic);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${topic}`));
    await expect(topics.row(topic)).toBeVisible();
    await expect(topics.partitions(topic)).toHaveText('4');
    await expect(topics.messages(topic)).toHaveAttribute('data-value', '100', { timeout: ONE_POLL });
    await expect
      .poll(async () => Number(await topics.size(topic).getAttribute('data-value')), { timeout: ONE_POLL })
      .toBeGreaterThan(100 * 100);

    await topics.sortBy('size').click();
    await expect(page).toHaveURL(/sort=size/);
    await expect(page).toHaveURL(/dir=desc/);
    await screenshot(page, 'topics');

    await page.getByTestId(`topic-link-${topic}`).click();
    const detail = new TopicDetailPage(page, clusterId, topic);
    await expect(detail.partitionRows).toHaveCount(4);
    await expect(page.getByTestId('topic-total-messages-value')).toHaveText('100');
    await expect(page.getByTestId('partition-skew')).toBeVisible();
    await expect(page.getByTestId('topic-configs')).toBeVisible();
    await screenshot(page, 'topic-detail');
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
});

test('search and sort live in the URL and survive a reload', async ({ page, clusterId }) => {
  const topics = new TopicsPage(page, clusterId);
  await topics.goto('?q=zz-no-such-topic&sort=messages&dir=desc');
  await expect(page.getByTestId('topics-empty')).toBeVisible();
  await expect(topics.search).toHaveValue('zz-no-such-topic');
  await expect(page.getByTestId('sort-messages').locator('..')).toHaveAttribute('aria-sort', 'descending');
});

test('overview, brokers and replica sync show a healthy cluster', async ({ page, clusterId }) => {
  const overview = new OverviewPage(page, clusterId);
  await overview.goto();
  await expect(overview.health('brokers')).toHaveAttribute('data-severity', 'ok');
  await expect(page.getByTestId('updated-ago')).toContainText('updated');
  await screenshot(page, 'overview');

  const brokers = new BrokersPage(page, clusterId);
  await brokers.goto();
  const { ids, controller } = await brokers.brokerIds();
  expect(ids.length).toBeGreaterThan(0);
  expect(controller).toBeDefined();
  await screenshot(page, 'brokers');
  await page.getByTestId(`broker-link-${ids[0]}`).click();
  await expect(page.getByTestId('broker-configs')).toBeVisible();
  await expect(page.getByTestId('log-dirs')).toBeVisible();
  await screenshot(page, 'broker-detail');

  const replicas = new ReplicasPage(page, clusterId);
  await replicas.goto();
  await expect(page.getByTestId('broker-balance-chart')).toBeVisible();
  await screenshot(page, 'replica-sync');
});

test('a stopped broker shows offline and its partitions under-replicated; a restart clears it', async ({ page, kafka, clusterId, faults, uniqueName }) => {
  test.skip(!faults.available, 'Broker faults need the devcluster; TEST_KAFKA_BROKERS points at an external cluster.');
  const topic = uniqueName('e2e-fault');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }], waitForLeaders: true });

  const brokers = new BrokersPage(page, clusterId);
  await brokers.goto();
  const { ids, controller } = await brokers.brokerIds();
  const victim = ids.find((id) => id !== controller) ?? ids[0];
  const overview = new OverviewPage(page, clusterId);
  let stopped = false;
  try {
    await overview.goto();
    await expect(overview.health('brokers')).toHaveAttribute('data-severity', 'ok');
    await faults.stopBroker(victim);
    stopped = true;

    // The overview page is left open: its own polling must pick the failure up.
    await expect(overview.health('brokers')).toHaveAttribute('data-severity', 'danger', { timeout: ONE_POLL });
    await expect(overview.health('brokers')).toContainText(/1 of \d+ brokers offline/);
    await expect(overview.health('under-replicated')).toHaveAttribute('data-severity', 'warn', { timeout: ONE_POLL });
    await screenshot(page, 'overview-broker-down');

    await brokers.goto();
    await expect(brokers.status(victim)).toHaveText('offline');
    await expect(brokers.row(victim)).toHaveAttribute('data-tone', 'danger');
    await screenshot(page, 'brokers-broker-down');

    const replicas = new ReplicasPage(page, clusterId);
    await replicas.goto(`?q=${topic}`);
    for (const p of [0, 1, 2]) await expect(replicas.problemRow(topic, p)).toBeVisible();
    await expect(replicas.loadRow(victim)).toHaveAttribute('data-tone', 'danger');
    await screenshot(page, 'replica-sync-broker-down');

    const detail = new TopicDetailPage(page, clusterId, topic);
    await detail.goto();
    await expect(detail.underReplicatedBadge).toHaveText('3 under-replicated');
    for (const p of [0, 1, 2]) {
      await expect(detail.partitionRow(p)).toHaveAttribute('data-tone', 'warn');
      await expect(detail.replica(p, victim)).toHaveAttribute('data-state', 'offline');
    }
    await screenshot(page, 'topic-detail-broker-down');

    await faults.startBroker(victim);
    stopped = false;
    await overview.goto();
    await expect(overview.health('brokers')).toHaveAttribute('data-severity', 'ok', { timeout: ONE_POLL });
    await expect(overview.health('under-replicated')).toHaveAttribute('data-severity', 'ok', { timeout: ONE_POLL });
  } finally {
    if (stopped) await faults.startBroker(victim);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
});

// An unknown address answers 404 (not-found.spec.ts); a topic deleted while its page is open
// turns into a clear state on the next poll.
test('a topic deleted while its page is open shows a clear state, not a blank page', async ({ page, kafka, clusterId, uniqueName, pageErrors }) => {
  const topic = uniqueName('e2e-vanishing');
  // The page's polls of the deleted topic answer 404, which the browser logs.
  pageErrors.allow(new RegExp(`status of 404 .*/api/clusters/${clusterId}/topics/${topic}\\b`));
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const detail = new TopicDetailPage(page, clusterId, topic);
    await detail.goto();
    await expect(detail.partitionRows).toHaveCount(1);
    await admin.deleteTopics({ topics: [topic] });
    await expect(page.getByTestId('error-state')).toContainText('does not exist', { timeout: ONE_POLL });
  } finally {
    await admin.disconnect();
  }
});

test('the overview names a stopped consumer group with its reason and links to it', async ({ page, kafka, clusterId, uniqueName }) => {
  const topic = uniqueName('e2e-stopped-input');
  const groupId = uniqueName('e2e-stopped-group');
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ value: `m${i}` })) });
    // Offsets committed with no member: 15 messages waiting and nothing consuming (STOP).
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '5' }] });

    const overview = new OverviewPage(page, clusterId);
    await overview.goto();
    await expect(overview.health('groups')).toHaveAttribute('data-severity', 'danger', { timeout: ONE_POLL });
    const row = overview.problemGroup(groupId);
    await expect(row).toContainText('STOP', { timeout: ONE_POLL });
    await expect(row).toContainText('lag 15');
    await expect(row).toContainText('No active members');
    await screenshot(page, 'overview-stopped-group');
    await row.getByRole('link', { name: groupId }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/${groupId}$`));
  } finally {
    await producer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
});
