import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { expect, test } from './fixtures';
import { MessagesPage } from './pages/messages-page';
import { startRegistryCluster } from './support/registry-cluster';
import { startConsoleProcess, type ConsoleProcess } from './support/console-process';

// Browsing an Avro topic of a cluster with a Schema Registry: the list and the message detail
// show the decoded JSON with its subject, version and id. Uses a dev cluster of its own with an
// embedded registry: skipped when TEST_KAFKA_BROKERS points at an external cluster.

test.skip(Boolean(process.env.TEST_KAFKA_BROKERS), 'needs the embedded dev cluster and its Schema Registry');

const schema = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'name', type: 'string' }] } },
  ],
};

let cluster: ChildProcess | undefined;
let consoleProcess: ConsoleProcess;

test.beforeAll(async () => {
  const started = await startRegistryCluster();
  cluster = started.child;
  const { bootstrapServers, schemaRegistryUrl } = started;
  const registry = new SchemaRegistry({ host: schemaRegistryUrl });
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject: 'orders-value' });
  const kafka = new Kafka({ clientId: 'e2e-schema', brokers: bootstrapServers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 1, replicationFactor: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  const names = ['Ada Lovelace', 'Grace Hopper', 'Ada Lovelace', 'Grace Hopper', 'Edsger Dijkstra'];
  const messages = await Promise.all(names.map(async (name, i) => ({ key: `o-${i + 1}`, value: await registry.encode(id, { id: `o-${i + 1}`, customer: { name } }) })));
  await producer.send({ topic: 'orders', messages });
  await producer.disconnect();
  consoleProcess = await startConsoleProcess(
    ['clusters:', '  - name: avro', `    bootstrapServers: [${bootstrapServers.map((b) => JSON.stringify(b)).join(', ')}]`, '    schemaRegistry:', `      url: ${schemaRegistryUrl}`].join('\n'),
  );
});

test.afterAll(async () => {
  await consoleProcess?.stop();
  cluster?.kill('SIGTERM');
});

test('an Avro value is shown decoded, with its subject, version and id', async ({ page }) => {
  await page.goto(`${consoleProcess.base}/clusters/avro/topics/orders/messages?start=earliest`);
  const row = page.getByTestId('message-row-0-0');
  await expect(row).toContainText('"name":"Ada Lovelace"');
  await row.click();
  const value = page.getByTestId('detail-value');
  await expect(value.getByTestId('schema-badge')).toHaveText('Avro · orders-value v1 · id 1');
  await expect(value).toContainText('Ada Lovelace');
  await expect(value).toHaveAttribute('data-decoder', 'schema');
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/schema-messages.png', fullPage: true });
  await page.getByTestId('detail-decoder').selectOption('hex');
  await expect(value).toContainText('00000000: 0000 0000 01');
});

test('a filter on a nested field of the decoded Avro value finds exactly the matching messages', async ({ page }) => {
  const messages = new MessagesPage(page, 'avro', 'orders');
  await page.goto(`${consoleProcess.base}/clusters/avro/topics/orders/messages?mode=search&start=earliest&order=asc`);
  await messages.searchField('filter').fill('value.customer.name == "Grace Hopper"');
  await messages.submit.click();
  // The stored bytes are Avro: only the decoded record holds this text.
  await expect(messages.outcome).toContainText('searched every offset in the range and found 2 matches', { timeout: 30_000 });
  await expect(messages.rows).toHaveCount(2);
  await expect(messages.rows.nth(0)).toContainText('"id":"o-2"');
  await expect(messages.rows.nth(1)).toContainText('"id":"o-4"');
  await expect(messages.matched).toHaveText('2 matches');
});
