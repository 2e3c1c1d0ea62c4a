import { mkdirSync } from 'node:fs';
import type { Consumer, Kafka } from 'kafkajs';
import { expect, test } from './fixtures';
import { GroupDetailPage } from './pages/group-detail-page';
import { GroupsListPage } from './pages/groups-list-page';

// Consumer groups end to end: a real kafkajs consumer, lag that appears when it stops, and an
// offset reset checked against what Kafka holds afterwards.

const PARTITIONS = 3;

async function createTopic(kafka: Kafka, topic: string, perPartition: number) {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
  await admin.disconnect();
  await produce(kafka, topic, perPartition);
}

async function produce(kafka: Kafka, topic: string, perPartition: number) {
  const producer = kafka.producer();
  await producer.connect();
  for (let partition = 0; partition < PARTITIONS; partition++) {
    await producer.send({ topic, messages: Array.from({ length: perPartition }, (_, i) => ({ partition, value: `v${i}` })) });
  }
  await producer.disconnect();
}

/** A consumer that reads everything and commits; resolves once it committed `total` messages' offsets. */
async function startConsumer(kafka: Kafka, groupId: string, topic: string, total: number): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId, heartbeatInterval: 500 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const admin = kafka.admin();
  await admin.connect();
  await consumer.run({ autoCommitInterval: 100, eachMessage: async () => undefined });
  await expect
    .poll(async () => {
      const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return t.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    }, { timeout: 30_000 })
    .toBe(total);
  await admin.disconnect();
  return consumer;
}

function screenshot(name: string) {
  mkdirSync('test-results/screenshots', { recursive: true });
  return `test-results/screenshots/${name}.png`;
}

test('a running group shows lag 0; once stopped, lag grows in the list, the table and the chart, and health says STOP', async ({ page, kafka, clusterId, uniqueName }) => {
  test.setTimeout(120_000);
  const topic = uniqueName('e2e-lag');
  const group = uniqueName('e2e-group');
  await createTopic(kafka, topic, 10);
  const consumer = await startConsumer(kafka, group, topic, 30);

  const list = new GroupsListPage(page, clusterId);
  await list.goto(group);
  await expect(list.row(group)).toBeVisible();
  await expect(list.lag(group)).toHaveText('0');
  await expect(list.health(group)).toHaveText('OK');

  await consumer.disconnect();
  await produce(kafka, topic, 20);

  await expect(list.lag(group)).toHaveText('60', { timeout: 20_000 });
  await expect(list.health(group)).toHaveText('STOP');
  await page.screenshot({ path: screenshot('groups-list'), fullPage: true });

  await list.open(group);
  const detail = new GroupDetailPage(page, clusterId);
  await expect(detail.title).toContainText(group);
  await expect(detail.totalLag).toHaveText('60');
  for (let p = 0; p < PARTITIONS; p++) await expect(detail.partitionLag(topic, p)).toHaveText('20');
  await expect(detail.health).toHaveText('STOP');
  await expect(detail.healthReason).toContainText('No active members: 60 messages waiting');
  // The chart fills from the server's sampler: its newest point reaches the new lag.
  await expect.poll(async () => (await detail.chart.isVisible()) && (await detail.chartLastLag())[topic], { timeout: 40_000 }).toBe(60);
  await page.screenshot({ path: screenshot('group-detail'), fullPage: true });
});

test('preview, then reset to earliest: committed offsets equal the log start', async ({ page, kafka, clusterId, uniqueName }) => {
  const topic = uniqueName('e2e-reset');
  const group = uniqueName('e2e-reset-group');
  await createTopic(kafka, topic, 10);
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Retention-like deletion so the log start is not 0, then a group positioned at the end.
    await admin.fetchTopicMetadata({ topics: [topic] });
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '4' }, { partition: 1, offset: '7' }] });
    await admin.setOffsets({ groupId: group, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: '10' })) });
    const starts = (await admin.fetchTopicOffsets(topic)).sort((a, b) => a.partition - b.partition).map((p) => Number(p.low));
    expect(starts).toEqual([4, 7, 0]);

    const detail = new GroupDetailPage(page, clusterId);
    await detail.goto(group);
    await expect(detail.totalLag).toHaveText('0');
    await detail.chooseScope('all');
    await detail.chooseStrategy('earliest');
    await detail.preview();
    await expect(detail.previewTable).toBeVisible();
    for (let p = 0; p < PARTITIONS; p++) await expect(detail.previewTarget(topic, p)).toHaveText(String(starts[p]));
    // Nothing has changed yet.
    const [before] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    expect(before.partitions.map((p) => Number(p.offset))).toEqual([10, 10, 10]);

    await detail.confirm();
    await expect(detail.result).toBeVisible();
    for (let p = 0; p < PARTITIONS; p++) await expect(detail.previewAfter(topic, p)).toHaveText(String(starts[p]));
    await page.screenshot({ path: screenshot('group-reset'), fullPage: true });

    const [after] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    expect(after.partitions.sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset))).toEqual(starts);
    await expect(detail.totalLag).toHaveText(String(6 + 3 + 10));
  } finally {
    await admin.disconnect();
  }
});

test('a reset while members are active is refused, with the reason on screen', async ({ page, kafka, clusterId, uniqueName }) => {
  const topic = uniqueName('e2e-busy');
  const group = uniqueName('e2e-busy-group');
  await createTopic(kafka, topic, 5);
  const consumer = await startConsumer(kafka, group, topic, 15);
  try {
    const detail = new GroupDetailPage(page, clusterId);
    await detail.goto(group);
    await detail.chooseStrategy('earliest');
    await detail.preview();
    await expect(detail.previewTable).toBeVisible();
    await expect(detail.blocked).toContainText('1 active member');
    await expect(detail.blocked).toContainText('Kafka only accepts offset changes while a group is empty');
    await expect(detail.confirmButton).toHaveCount(0);

    // The API refuses too, whatever the page shows: without confirm: true it does not even try.
    const url = `/api/clusters/${clusterId}/groups/${group}/reset-offsets`;
    const unconfirmed = await page.request.post(url, { data: { scope: { type: 'all' }, strategy: { type: 'earliest' } } });
    expect(unconfirmed.status()).toBe(400);
    expect((await unconfirmed.json()).details.fields.confirm).toContain('must be true');
    const response = await page.request.post(url, { data: { scope: { type: 'all' }, strategy: { type: 'earliest' }, confirm: true } });
    expect(response.status()).toBe(409);
    expect((await response.json()).message).toContain('active member');
    const admin = kafka.admin();
    await admin.connect();
    const [t] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    await admin.disconnect();
    expect(t.partitions.map((p) => Number(p.offset))).toEqual([5, 5, 5]);
  } finally {
    await consumer.disconnect();
  }
});

test('deleting offsets and the group needs the name typed; the server refuses anything else', async ({ page, kafka, clusterId, uniqueName }) => {
  const topic = uniqueName('e2e-del');
  const other = uniqueName('e2e-del-other');
  const group = uniqueName('e2e-del-group');
  await createTopic(kafka, topic, 5);
  await createTopic(kafka, other, 5);
  const admin = kafka.admin();
  await admin.connect();
  const committed = async (t: string) => {
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [t] });
    return offsets.partitions.sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset));
  };
  try {
    for (const t of [topic, other]) {
      await admin.setOffsets({ groupId: group, topic: t, partitions: [0, 1, 2].map((partition) => ({ partition, offset: '3' })) });
    }
    const api = `/api/clusters/${clusterId}/groups/${encodeURIComponent(group)}`;
    const noConfirm = await page.request.delete(`${api}/offsets?topic=${encodeURIComponent(other)}`);
    expect(noConfirm.status()).toBe(400);
    expect((await noConfirm.json()).details.fields.confirm).toBe('type the topic name to confirm');
    const wrongGroup = await page.request.delete(api, { data: { confirm: `${group}-x` } });
    expect(wrongGroup.status()).toBe(400);
    expect(await committed(other)).toEqual([3, 3, 3]);

    const detail = new GroupDetailPage(page, clusterId);
    await detail.goto(group);
    await expect(detail.title).toContainText(group);
    await detail.chooseOffsetsTopic(other);
    await expect(detail.deleteOffsetsButton).toBeDisabled();
    await detail.offsetsConfirmInput.fill(topic);
    await expect(detail.deleteOffsetsButton).toBeDisabled();
    await detail.offsetsConfirmInput.fill(other);
    await expect(detail.deleteOffsetsButton).toBeEnabled();
    await page.screenshot({ path: screenshot('group-delete'), fullPage: true });
    await detail.deleteOffsetsButton.click();
    await expect(detail.deleteOffsetsResult).toContainText(`3 partitions of ${other}`);
    expect(await committed(other)).toEqual([-1, -1, -1]);
    expect(await committed(topic)).toEqual([3, 3, 3]);

    await expect(detail.deleteGroupButton).toBeDisabled();
    await detail.groupConfirmInput.fill(group.toUpperCase());
    await expect(detail.deleteGroupButton).toBeDisabled();
    await detail.groupConfirmInput.fill(group);
    await detail.deleteGroupButton.click();
    await expect(page).toHaveURL(new RegExp(`/clusters/${clusterId}/groups$`));
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
    expect(groups).not.toContain(group);
  } finally {
    await admin.disconnect();
  }
});
