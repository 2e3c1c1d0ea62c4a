import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Kafka, logLevel, type Admin, type KafkaMessage } from 'kafkajs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MessagesPage } from './pages/messages-page';
import { ProducePage } from './pages/produce-page';

// Messages end to end against the devcluster: browse by offset and by date-time, newest first,
// a search for one needle among 1,000,000 messages, live tail of a message produced with kcat,
// replay of 1,000 messages checked with a kafkajs consumer, produce-form validation — and no
// consumer group left behind by the console.

const KCAT = '/usr/bin/kcat';
// Recent timestamps: the cluster's retention (7 days by default) would delete older ones.
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
const ZONE = 'Europe/Paris';

test.use({ timezoneId: ZONE });

async function screenshot(page: Page, name: string) {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

function kcat(args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(KCAT, args, { maxBuffer: 1 << 30, timeout: 120_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`kcat failed: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end(input ?? '');
  });
}

/** The value a datetime-local input takes for `ms` in the page's time zone. */
function localInput(ms: number): string {
  return new Date(ms).toLocaleString('sv-SE', { timeZone: ZONE, hour12: false }).replace(' ', 'T');
}

async function groupIds(admin: Admin): Promise<string[]> {
  return (await admin.listGroups()).groups.map((g) => g.groupId).sort();
}

test.describe('messages', () => {
  let admin: Admin;
  let groupsBefore: string[];

  test.beforeAll(async () => {
    admin = new Kafka({ clientId: 'e2e-messages', brokers: process.env.E2E_BROKERS!.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    groupsBefore = await groupIds(admin);
  });

  test.afterAll(async () => {
    // Nothing the console did may leave a consumer group (the replay check deletes its own).
    expect(await groupIds(admin)).toEqual(groupsBefore);
    await admin.disconnect();
  });

  test('browsing by offset and by date-time lands on the exact messages, newest first is right', async ({ page, kafka, clusterId, uniqueName, pageErrors }) => {
    // The offset past the end, asked for at the end, is refused with a 400.
    pageErrors.allow(/status of 400 .*\/messages\?.*offset=500/);
    const topic = uniqueName('e2e-browse');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: Array.from({ length: 200 }, (_, i) => ({ partition: i % 2, key: `order-${i}`, value: JSON.stringify({ n: i, total: i * 3 }), headers: { n: String(i) }, timestamp: String(T0 + i * 1000) })),
    });
    await producer.disconnect();

    const messages = new MessagesPage(page, clusterId, topic);
    await messages.goto();
    // Default: newest first across both partitions.
    await expect(messages.rows.first()).toBeVisible();
    expect((await messages.rowIds()).slice(0, 4)).toEqual(['1-99', '0-99', '1-98', '0-98']);
    await screenshot(page, 'messages-browse');

    // By offset, one partition, oldest first.
    await messages.partition(1).click();
    await messages.start('offset').click();
    await messages.offsetInput.fill('42');
    await messages.order.selectOption('asc');
    await messages.limit.fill('3');
    await messages.submit.click();
    await expect(page).toHaveURL(/start=offset/);
    await expect(page).toHaveURL(/offset=42/);
    await expect.poll(() => messages.rowIds()).toEqual(['1-42', '1-43', '1-44']);
    await expect(messages.row(1, 42)).toContainText('order-85');

    // By date-time (typed in the page's local time zone): message 77 is at T0 + 77 s, on partition 1.
    await messages.partition('all').click();
    await messages.start('time').click();
    await messages.timeInput.fill(localInput(T0 + 77_000));
    await messages.order.selectOption('asc');
    await messages.submit.click();
    await expect.poll(() => messages.rowIds()).toEqual(['1-38', '0-39', '1-39']);
    await messages.order.selectOption('desc');
    await messages.submit.click();
    await expect.poll(() => messages.rowIds()).toEqual(['1-38', '0-38', '1-37']);
    // The timestamp shows in local time, with ISO on hover.
    await expect(messages.row(1, 38).locator('time')).toHaveAttribute('title', new RegExp(new Date(T0 + 77_000).toISOString()));

    // A shared URL opens the same view.
    const url = page.url();
    await page.goto(url);
    await expect.poll(() => messages.rowIds()).toEqual(['1-38', '0-38', '1-37']);

    // Message detail: full value as JSON.
    await messages.row(1, 38).click();
    await expect(messages.detail).toBeVisible();
    await expect(messages.detail.getByTestId('json-tree')).toContainText('"total": 231');
    await screenshot(page, 'messages-detail');
    await messages.detail.getByTestId('detail-close').click();

    // Bad input is named: an offset past the end of one partition.
    await messages.partition(0).click();
    await messages.start('offset').click();
    await messages.offsetInput.fill('500');
    await messages.submit.click();
    await expect(page.getByTestId('read-error')).toContainText('Offset 500 is out of range: partition 0 holds offsets 0 to 99');
  });

  test('search finds one needle among 1,000,000 messages and says how many it scanned', async ({ page, clusterId, uniqueName }) => {
    test.setTimeout(240_000);
    const topic = uniqueName('e2e-needle');
    await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 1 }], waitForLeaders: true });
    const N = 1_000_000;
    const lines: string[] = [];
    for (let i = 0; i < N; i++) {
      const note = i === 654_321 ? 'the-golden-needle' : 'hay';
      lines.push(`k${i}\t{"id":${i},"note":"${note}","pad":"${'x'.repeat(150)}"}`);
    }
    await kcat(['-P', '-b', process.env.E2E_BROKERS!, '-t', topic, '-K', '\t', '-X', 'linger.ms=100', '-X', 'batch.num.messages=10000', '-X', 'queue.buffering.max.messages=2000000', '-X', 'queue.buffering.max.kbytes=2000000'], `${lines.join('\n')}\n`);

    const messages = new MessagesPage(page, clusterId, topic);
    await messages.goto('?mode=search&start=earliest&order=asc');
    await messages.searchField('value').fill('the-golden-needle');
    await messages.scanCap.fill('2000000');
    await messages.submit.click();
    // Waits are on what only this search can show: the page may still hold an earlier "done".
    await expect(messages.scanned).toHaveText('Scanned 1,000,000', { timeout: 120_000 });
    await expect(messages.progress).toHaveAttribute('data-status', 'done');
    await expect(messages.rows).toHaveCount(1);
    await expect(messages.rows.first()).toContainText('"id":654321');
    await expect(messages.matched).toHaveText('1 match');
    await expect(messages.outcome).toContainText('searched every offset in the range and found 1 match');
    await expect(page).toHaveURL(/value=the-golden-needle/);
    await screenshot(page, 'messages-search');

    // A lower cap stops early and says so; "Scan more" continues from where it stopped.
    await messages.scanCap.fill('300000');
    await messages.submit.click();
    await expect(messages.outcome).toContainText('Stopped after scanning 300,000 offsets (the scan cap)', { timeout: 60_000 });
    await expect(messages.scanned).toHaveText('Scanned 300,000');

    // The filter language, checked in the browser before it is sent.
    await messages.searchField('value').fill('');
    await messages.searchField('filter').fill('value.id >');
    await messages.submit.click();
    await expect(page.getByText('The filter ends too early')).toBeVisible();
    await messages.searchField('filter').fill('value.id == 654321 && key ~ /^k65/');
    await messages.scanCap.fill('2000000');
    await messages.submit.click();
    await expect(messages.outcome).toContainText('searched every offset in the range and found 1 match', { timeout: 120_000 });
    await expect(messages.rows).toHaveCount(1);
  });

  test('live tail shows a message produced with kcat within 2 seconds', async ({ page, clusterId, uniqueName }) => {
    const topic = uniqueName('e2e-tail');
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    const messages = new MessagesPage(page, clusterId, topic);
    await messages.goto('?mode=tail');
    await expect(messages.tailStatus).toHaveAttribute('data-status', 'live');
    const started = Date.now();
    await kcat(['-P', '-b', process.env.E2E_BROKERS!, '-t', topic, '-p', '2', '-K', ':'], 'tail-key:{"hello":"from kcat"}\n');
    const produced = Date.now();
    await expect(messages.row(2, 0)).toBeVisible({ timeout: 2_000 });
    expect(Date.now() - produced).toBeLessThan(2_000);
    await expect(messages.row(2, 0)).toContainText('tail-key');
    await screenshot(page, 'messages-tail');
    // Paused: arrivals wait, and appear on resume.
    await messages.tailToggle.click();
    await expect(messages.tailStatus).toHaveAttribute('data-status', 'paused');
    await kcat(['-P', '-b', process.env.E2E_BROKERS!, '-t', topic, '-p', '0'], 'while paused\n');
    await expect(page.getByTestId('tail-waiting')).toHaveText('1 waiting');
    await expect(messages.row(0, 0)).toHaveCount(0);
    await messages.tailToggle.click();
    await expect(messages.row(0, 0)).toBeVisible();
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('replaying 1,000 messages to another topic keeps keys, values, headers and order', async ({ page, kafka, clusterId, uniqueName }) => {
    test.setTimeout(120_000);
    const source = uniqueName('e2e-replay-src');
    const target = uniqueName('e2e-replay-dst');
    await admin.createTopics({
      topics: [
        { topic: source, numPartitions: 1, replicationFactor: 1 },
        { topic: target, numPartitions: 1, replicationFactor: 1 },
      ],
      waitForLeaders: true,
    });
    const producer = kafka.producer();
    await producer.connect();
    const sent = Array.from({ length: 1000 }, (_, i) => ({
      key: i % 9 === 0 ? null : `key-${i}`,
      value: i % 50 === 0 ? Buffer.from([0, i % 256, 255]) : `value-${i}-${'v'.repeat(i % 30)}`,
      headers: { seq: String(i), origin: 'e2e' },
    }));
    for (let i = 0; i < sent.length; i += 250) await producer.send({ topic: source, messages: sent.slice(i, i + 250) });
    await producer.disconnect();

    const messages = new MessagesPage(page, clusterId, source);
    await messages.goto();
    await messages.openReplay.click();
    await messages.replay('source-offsets').check();
    await messages.replay('from').fill('0');
    await messages.replay('to').fill('999');
    await messages.replay('target-topic').fill(target);
    await messages.replay('submit').click();
    await expect(messages.replay('result')).toBeVisible({ timeout: 60_000 });
    await expect(messages.replay('produced')).toHaveText('1,000');
    await expect(messages.replay('verified')).toContainText('count checked against offsets');
    await screenshot(page, 'messages-replay');

    // Read the target back with a kafkajs consumer; its group is removed afterwards.
    const groupId = uniqueName('e2e-replay-check');
    const consumer = kafka.consumer({ groupId });
    const received: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: target, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1000);
    await consumer.disconnect();
    await admin.deleteGroups([groupId]);
    received.forEach((m, i) => {
      const expected = sent[i];
      expect(m.key === null ? null : m.key.toString()).toBe(expected.key);
      expect(Buffer.compare(m.value!, Buffer.from(expected.value)), `value ${i}`).toBe(0);
      expect(Object.fromEntries(Object.entries(m.headers!).map(([k, v]) => [k, v!.toString()]))).toEqual(expected.headers);
      expect(Number(m.offset)).toBe(i);
    });
  });

  test('produce: validation errors appear on the right fields, then the result names partition and offset', async ({ page, clusterId, uniqueName, pageErrors }) => {
    // The oversized message is refused with a 413.
    pageErrors.allow(/status of 413 .*\/api\/clusters\/[^/]+\/produce\?topic=[^:]+:/);
    const topic = uniqueName('e2e-produce');
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: '4000' }] }], waitForLeaders: true });
    const produce = new ProducePage(page, clusterId);
    await produce.goto();
    await page.getByTestId('nav-produce').waitFor();

    // Nothing filled: the topic is required.
    await produce.submit.click();
    await expect(produce.error('topic')).toHaveText('Choose a topic');

    await produce.field('topic').fill(topic);
    await produce.format('json').check();
    await produce.field('value').fill('{"amount": 12,');
    await produce.addHeader.click();
    await produce.submit.click();
    await expect(produce.error('topic')).toHaveCount(0);
    await expect(produce.error('value')).toContainText('Not valid JSON');
    await expect(produce.error('headers.0.key')).toHaveText('Header name is required');
    await screenshot(page, 'produce-errors');

    // The broker's limit is named for an oversized message.
    await produce.headerKey(0).fill('source');
    await produce.headerValue(0).fill('e2e');
    await produce.format('text').check();
    await produce.field('value').fill('z'.repeat(6000));
    await produce.submit.click();
    await expect(page.getByTestId('produce-error')).toContainText('max.message.bytes = 4000');

    await produce.format('json').check();
    await produce.field('value').fill('{"amount": 12}');
    await produce.field('key').fill('order-1');
    await produce.field('partition').selectOption('2');
    await produce.field('compression').selectOption('gzip');
    await produce.submit.click();
    await expect(produce.result).toBeVisible();
    await expect(produce.resultPartition).toHaveText('2');
    await expect(produce.resultOffset).toHaveText('0');
    await screenshot(page, 'produce');

    // The result links to the message, which has what was sent.
    await produce.result.getByRole('link', { name: 'View' }).click();
    const messages = new MessagesPage(page, clusterId, topic);
    await expect(messages.row(2, 0)).toContainText('order-1');
    await expect(messages.row(2, 0)).toContainText('{"amount":12}');
  });
});
