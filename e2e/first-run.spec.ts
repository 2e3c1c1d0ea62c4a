import type { Page } from '@playwright/test';
import type { KafkaMessage } from 'kafkajs';
import { expect, test } from './fixtures';
import { MessagesPage } from './pages/messages-page';
import { ProducePage } from './pages/produce-page';
import { TopicsPage } from './pages/topics-page';

// What a first-time operator trips over: why a search result matched, what "stopped" means,
// which way a read goes, the partition picker, tombstones versus empty values, dark mode, the
// keyboard and the time zone. Every check runs against the devcluster; produced messages are
// read back with kafkajs.

test.use({ timezoneId: 'Europe/Paris' });

// Page and console errors fail every test through the fixtures.

/** Values with the term far past the first 160 characters, where a plain preview would cut it off. */
/** Waits until the console's cached metadata holds a topic just created with kafkajs. */
async function consoleKnows(page: Page, clusterId: string, topic: string) {
  await expect.poll(async () => (await page.request.get(`/api/clusters/${clusterId}/topics/${topic}?refresh=1`)).status()).toBe(200);
}

const value = (i: number) => JSON.stringify({ n: i, pad: 'p'.repeat(180), note: i % 3 === 0 ? `the-needle-${i}` : 'hay' });

test.describe('first run', () => {
  let topic: string;

  test.beforeEach(async ({ page, kafka, clusterId, uniqueName }) => {
    topic = uniqueName('e2e-first');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 300 }, (_, i) => ({ partition: i % 2, key: `order-${i}`, value: value(i), headers: { n: String(i) } })) });
    await producer.disconnect();
    await consoleKnows(page, clusterId, topic);
  });

  test('a search marks where each result matched, says why it stopped, and continues', async ({ page, clusterId }) => {
    const messages = new MessagesPage(page, clusterId, topic);
    await messages.goto('?mode=search&value=the-needle&limit=20');
    await expect(messages.progress).toHaveAttribute('data-status', 'done');
    await expect(messages.rows).toHaveCount(20);
    await expect(messages.outcome).toHaveAttribute('data-reason', 'limit');
    await expect(messages.outcome).toContainText('Found 20 matches, the limit of one search, so it stopped there and kept the newest ones.');
    await expect(messages.outcome).toContainText('There may be more in older messages.');

    // Every row marks the term, and the mark is inside the visible part of its cell.
    const first = messages.rows.first();
    const mark = first.getByTestId('match-highlight');
    await expect(mark).toHaveText('the-needle');
    const cell = mark.locator('xpath=ancestor::td[1]');
    const [m, c] = [await mark.boundingBox(), await cell.boundingBox()];
    expect(m && c && m.x >= c.x && m.x + m.width <= c.x + c.width).toBe(true);
    await expect(messages.highlights).toHaveCount(20);

    // Continue: 20 more, after the first ones.
    await messages.continueSearch.click();
    await expect(messages.rows).toHaveCount(40);

    // The detail shows the match first; headers sit above the value; Escape closes it and the
    // keyboard focus goes back to the row that opened it.
    await first.click();
    await expect(messages.detail.getByTestId('detail-match').getByTestId('match-highlight')).toHaveText('the-needle');
    const headers = await messages.detail.getByTestId('detail-headers').boundingBox();
    const valueBox = await messages.detail.getByTestId('detail-value').boundingBox();
    expect(headers!.y).toBeLessThan(valueBox!.y);
    await page.keyboard.press('Escape');
    await expect(messages.detail).toHaveCount(0);
    await expect(first).toBeFocused();

    // "/" focuses the search field; typing "/" inside a field stays a character.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect(messages.searchField('value')).toBeFocused();
    await page.keyboard.type('/x');
    await expect(messages.searchField('value')).toHaveValue('/x');
  });

  test('the order follows the start point unless chosen, and says which way it reads', async ({ page, clusterId }) => {
    const messages = new MessagesPage(page, clusterId, topic);
    await messages.goto();
    await expect(messages.order).toHaveValue('desc');
    await expect(messages.orderHint).toHaveText('reads back from the newest');

    await messages.partition(0).click();
    await messages.start('offset').click();
    await expect(messages.order).toHaveValue('asc');
    await messages.offsetInput.fill('10');
    await expect(messages.orderHint).toHaveText('reads forward from offset 10');
    await messages.limit.fill('3');
    await messages.submit.click();
    await expect.poll(() => messages.rowIds()).toEqual(['0-10', '0-11', '0-12']);
    // Oldest-first is what an offset means: the address does not need to say so.
    expect(page.url()).not.toContain('order=');

    // Once the user picks an order, a new start point keeps it.
    await messages.order.selectOption('desc');
    await messages.start('time').click();
    await expect(messages.order).toHaveValue('desc');
    await expect(messages.orderHint).toHaveText('reads back from that time');
  });

  test('the partition picker is in the first HTML, with a chip per partition', async ({ page, clusterId }) => {
    const messages = new MessagesPage(page, clusterId, topic);
    const response = await page.request.get(`/clusters/${clusterId}/topics/${topic}/messages`);
    const html = await response.text();
    expect(html).toContain('data-testid="partition-1"');
    expect(html).not.toContain('data-testid="partitions-input"');
    await messages.goto();
    await messages.partition(1).click();
    await expect(messages.partition(1)).toHaveAttribute('aria-pressed', 'true');
  });

  test('produce asks before a tombstone and keeps null apart from the empty string', async ({ page, kafka, clusterId, uniqueName }) => {
    const target = uniqueName('e2e-tombstone');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: target, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });

    // The form looks the typed topic up: wait until the console's metadata knows the new one.
    await consoleKnows(page, clusterId, target);
    const produce = new ProducePage(page, clusterId);
    await produce.goto();
    await produce.field('topic').fill(target);
    await expect(produce.sends).toHaveText('Sends key empty string (0 bytes), value not set (empty is not JSON).');
    // An empty JSON value is not sent as anything until the user says what they meant.
    await produce.submit.click();
    await expect(produce.error('value')).toContainText('send as tombstone (null value)');
    await expect(produce.result).toHaveCount(0);

    await produce.field('tombstone').check();
    await expect(produce.sends).toHaveText('Sends key empty string (0 bytes), value null (tombstone).');
    await expect(page.getByTestId('produce-tombstone-key-hint')).toContainText('enter the key to delete');
    await produce.submit.click();
    await expect(produce.resultOffset).toHaveText('0');

    // Text, empty value, null key: an empty (0-byte) value, not a tombstone.
    await produce.field('tombstone').uncheck();
    await produce.format('text').check();
    await produce.field('key-null').check();
    await expect(produce.sends).toHaveText('Sends key null, value empty string (0 bytes).');
    await produce.submit.click();
    await expect(produce.resultOffset).toHaveText('1');

    const groupId = uniqueName('e2e-tombstone-reader');
    const consumer = kafka.consumer({ groupId });
    const read: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: target, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void read.push(message) });
    await expect.poll(() => read.length, { timeout: 30_000 }).toBe(2);
    await consumer.disconnect();
    await admin.deleteGroups([groupId]);
    await admin.disconnect();

    expect(read[0].key).toEqual(Buffer.alloc(0));
    expect(read[0].value).toBeNull();
    expect(read[1].key).toBeNull();
    expect(read[1].value).toEqual(Buffer.alloc(0));
  });
});

test.describe('display', () => {
  test('dark mode follows the system, the toggle overrides it, and it is set before the first paint', async ({ page, clusterId }) => {
    // Whether <html> is dark when the document has been parsed, before any React code ran.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { darkAtParse: boolean }).darkAtParse = document.documentElement.classList.contains('dark');
      });
    });
    const topics = new TopicsPage(page, clusterId);
    const dark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    const darkAtParse = () => page.evaluate(() => (window as unknown as { darkAtParse: boolean }).darkAtParse);

    await page.emulateMedia({ colorScheme: 'dark' });
    await topics.goto();
    expect(await darkAtParse()).toBe(true);
    await expect(page.getByTestId('theme-system')).toHaveAttribute('aria-pressed', 'true');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const darkBackground = await background();

    await page.getByTestId('theme-light').click();
    expect(await dark()).toBe(false);
    // The class really changes the colours.
    expect(await background()).not.toBe(darkBackground);
    await page.reload();
    await topics.search.waitFor();
    expect(await darkAtParse()).toBe(false);

    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('theme-dark').click();
    expect(await dark()).toBe(true);
    await page.reload();
    await topics.search.waitFor();
    expect(await darkAtParse()).toBe(true);
    await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-pressed', 'true');

    // "/" focuses the topic search from anywhere on the page.
    await page.keyboard.press('/');
    await expect(topics.search).toBeFocused();
  });

  test('times show the local zone, and UTC on request', async ({ page, kafka, clusterId, uniqueName }) => {
    const topic = uniqueName('e2e-zone');
    const at = Date.UTC(2026, 11, 1, 8, 30, 0, 250);
    const producer = kafka.producer();
    await producer.connect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'v', timestamp: String(at) }] });
    await producer.disconnect();
    await consoleKnows(page, clusterId, topic);

    const messages = new MessagesPage(page, clusterId, topic);
    await messages.goto();
    await expect(messages.row(0, 0).locator('time')).toHaveText('2026-12-01 09:30:00.250 CET');
    await page.getByTestId('time-zone-utc').click();
    await expect(messages.row(0, 0).locator('time')).toHaveText('2026-12-01 08:30:00.250 UTC');
    await page.reload();
    await expect(messages.row(0, 0).locator('time')).toHaveText('2026-12-01 08:30:00.250 UTC');
    await page.getByTestId('time-zone-local').click();
    await expect(messages.row(0, 0).locator('time')).toHaveText('2026-12-01 09:30:00.250 CET');
  });
});
