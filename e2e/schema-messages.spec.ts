import { mkdirSync } from 'node:fs';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { expect, test } from './fixtures';
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

let cluster: DevCluster;
let consoleProcess: ConsoleProcess;

test.beforeAll(async () => {
  cluster = await startDevCluster({ brokers: 1, basePort: 0, schemaRegistry: { port: 0 } });
  const registry = new SchemaRegistry({ host: cluster.schemaRegistryUrl! });
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject: 'orders-value' });
  const kafka = new Kafka({ clientId: 'e2e-schema', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 1, replicationFactor: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'orders', messages: [{ key: 'o-1', value: await registry.encode(id, { id: 'o-1', customer: { name: 'Ada Lovelace' } }) }] });
  await producer.disconnect();
  consoleProcess = await startConsoleProcess(
    ['clusters:', '  - name: avro', `    bootstrapServers: [${cluster.bootstrapServers.map((b) => JSON.stringify(b)).join(', ')}]`, '    schemaRegistry:', `      url: ${cluster.schemaRegistryUrl}`].join('\n'),
  );
});

test.afterAll(async () => {
  await consoleProcess?.stop();
  await cluster?.close();
});

test('an Avro value is shown decoded, with its subject, version and id', async ({ page }) => {
  await page.goto(`${consoleProcess.base}/clusters/avro/topics/orders/messages?start=earliest`);
  const row = page.getByTestId('message-row-0-0');
  await expect(row).toContainText('"name":"Ada Lovelace"');
  await row.click();
  const value = page.getByTestId('detail-value');
  await expect(value.getByTestId('schema-badge')).toHaveText('Avro · orders-value v1 · id 1');
  await expect(value).toContainText('Ada Lovelace');
  await expect(value.locator('[data-decoder="schema"]')).toBeVisible();
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/schema-messages.png', fullPage: true });
  await page.getByTestId('detail-decoder').selectOption('hex');
  await expect(value).toContainText('00000000: 0000 0000 01');
});
