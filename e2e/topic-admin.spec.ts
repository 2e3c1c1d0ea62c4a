import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Kafka } from 'kafkajs';
import { expect, test } from './fixtures';
import { withAdmin } from './support/kafka-admin';
import { AuditPage } from './pages/audit-page';
import { CreateTopicPage } from './pages/create-topic-page';
import { TopicSettingsPage } from './pages/topic-settings-page';
import { freePort, waitForHttp } from './support/net';

// Topic administration end to end: the create form (broker verdict first, each error on its
// field), the Settings tab (configs, partitions, purge, delete), the audit page, and a second
// console started read-only against the same brokers. Every outcome is checked with kafkajs.

/** A full-page screenshot from the top, so sticky panels sit where a person sees them. */
async function screenshot(page: Page, name: string) {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

const topicNames = (kafka: Kafka) => withAdmin(kafka, async (a) => (await a.listTopics()).sort());

async function overrides(kafka: Kafka, topic: string): Promise<Record<string, string>> {
  return withAdmin(kafka, async (a) => {
    const r = await a.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic }] });
    return Object.fromEntries(r.resources[0].configEntries.filter((e) => e.configSource === 1).map((e) => [e.configName, e.configValue]));
  });
}

async function createTopic(kafka: Kafka, topic: string, partitions: number, configs: Record<string, string> = {}, perPartition = 0) {
  await withAdmin(kafka, (a) =>
    a.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor: 2, configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })) }] }),
  );
  if (perPartition === 0) return;
  const producer = kafka.producer();
  await producer.connect();
  for (let partition = 0; partition < partitions; partition++) {
    await producer.send({ topic, messages: Array.from({ length: perPartition }, (_, i) => ({ partition, key: `k${i}`, value: `v${i}` })) });
  }
  await producer.disconnect();
}

test.describe('create topic', () => {
  test('validate shows the broker verdict without creating; create makes the topic as asked', async ({ page, kafka, clusterId, uniqueName }) => {
    const name = uniqueName('e2e-created');
    const form = new CreateTopicPage(page, clusterId);
    await form.goto();
    await form.name.fill(name);
    await form.preset('events').click();
    await expect(form.partitions).toHaveValue('6');
    await form.setCustom('retention.ms', '3', 'd');
    await form.settingSelect('compression.type').selectOption('zstd');
    await form.addConfig('segment.ms', '3600000');
    await expect(page.getByTestId('summary-configs')).toContainText('retention.ms');

    await form.validateButton.click();
    await expect(form.verdict).toHaveAttribute('data-verdict', 'accepted');
    expect(await topicNames(kafka)).not.toContain(name);
    await screenshot(page, 'topic-create-form');

    await form.createButton.click();
    await page.waitForURL(new RegExp(`/topics/${name}$`));
    const meta = await withAdmin(kafka, (a) => a.fetchTopicMetadata({ topics: [name] }));
    expect(meta.topics[0].partitions).toHaveLength(6);
    expect(meta.topics[0].partitions.every((p) => p.replicas.length === 3)).toBe(true);
    expect(await overrides(kafka, name)).toEqual({
      'cleanup.policy': 'delete',
      'retention.ms': String(3 * 86_400_000),
      'compression.type': 'zstd',
      'min.insync.replicas': '2',
      'segment.ms': '3600000',
    });
  });

  test('each validation error is shown on its field, and nothing is created', async ({ page, kafka, clusterId, uniqueName, pageErrors }) => {
    // Each refused name is a 4xx from the create request.
    pageErrors.allow(/status of (400|409|422) .*\/api\/clusters\/[^/]+\/topics:/);
    const existing = uniqueName('e2e_exists');
    await createTopic(kafka, existing, 1);
    const before = await topicNames(kafka);
    const form = new CreateTopicPage(page, clusterId);
    await form.goto();

    for (const [name, message] of [
      ['has space/slash', /may only contain/],
      ['.', /cannot be "\." or "\.\."/],
      ['x'.repeat(250), /at most 249/],
      [existing, /already exists/],
    ] as const) {
      await form.name.fill(name);
      await expect(form.fieldError('name')).toContainText(message);
    }
    await form.name.fill(uniqueName('e2e-fine'));
    await expect(form.fieldError('name')).toHaveCount(0);

    await form.partitions.fill('0');
    await expect(form.fieldError('partitions')).toContainText('at least 1');
    await form.setCustom('retention.ms', '1.5x', 'h');
    await expect(form.fieldError('configs.retention.ms')).toContainText('non-negative number');
    await form.setCustom('min.insync.replicas', '4');
    await expect(form.fieldError('configs.min.insync.replicas')).toContainText('larger than the replication factor');
    await form.addConfig('retenion.ms', '100');
    await expect(form.fieldError('configs.retenion.ms')).toContainText('did you mean "retention.ms"');
    await form.createButton.click();
    await expect(page.getByTestId('error-count')).toContainText('4 problems to fix first; nothing was sent');
    await screenshot(page, 'topic-create-errors');

    await form.partitions.fill('2');
    await form.settingAmount('retention.ms').fill('1.5');
    await form.settingAmount('min.insync.replicas').fill('2');
    await form.removeConfig(0);
    // '.' and '_' collide in Kafka: the console warns, the broker refuses, the form shows it on the name.
    await form.name.fill(existing.replace('_', '.'));
    await expect(form.fieldWarning('name').first()).toContainText('Collides with existing topic');
    await form.validateButton.click();
    await expect(form.verdict).toHaveAttribute('data-verdict', 'refused');
    await expect(form.fieldError('name')).toContainText(/collides/i);
    await form.createButton.click();
    await expect(form.fieldError('name')).toContainText(/collides/i);

    expect(await topicNames(kafka)).toEqual(before);
  });

  test('a replication factor above the live brokers is refused on its field', async ({ page, kafka, clusterId, faults, uniqueName, pageErrors }) => {
    // The refusal is a 400 from the validate request.
    pageErrors.allow(/status of 400 .*\/api\/clusters\/[^/]+\/topics:/);
    test.skip(!faults.available, 'needs the devcluster to stop a broker');
    const name = uniqueName('e2e-rf');
    const form = new CreateTopicPage(page, clusterId);
    await form.goto();
    await form.name.fill(name);
    await form.replicationFactor.selectOption('3');
    await faults.stopBroker(3);
    try {
      await form.validateButton.click();
      await expect(form.fieldError('replicationFactor')).toContainText('Only 2 brokers are live');
    } finally {
      await faults.startBroker(3);
    }
    // Checked once the broker is back: while it is down, partitions that lived only on it are
    // offline, and kafkajs refuses to list topics while any partition has no leader.
    expect(await topicNames(kafka)).not.toContain(name);
  });

  test('"clone" prefills the form from an existing topic', async ({ page, kafka, clusterId, uniqueName }) => {
    const source = uniqueName('e2e-source');
    await createTopic(kafka, source, 4, { 'retention.ms': '7200000', 'cleanup.policy': 'compact', 'segment.ms': '600000' });
    const settings = new TopicSettingsPage(page, clusterId, source);
    await settings.goto();
    await settings.cloneLink.click();
    const form = new CreateTopicPage(page, clusterId);
    await expect(form.name).toHaveValue(`${source}-copy`);
    await expect(form.partitions).toHaveValue('4');
    await expect(form.replicationFactor).toHaveValue('2');
    await expect(form.settingAmount('retention.ms')).toHaveValue('2');
    await expect(page.getByTestId('setting-retention.ms-unit')).toHaveValue('h');
    await expect(form.settingSelect('cleanup.policy')).toHaveValue('compact');
    await expect(form.extraKey(0)).toHaveValue('segment.ms');
  });
});

test.describe('topic settings', () => {
  test('configs: stage, validate, apply, reset — only what changed is sent', async ({ page, kafka, clusterId, uniqueName }) => {
    const topic = uniqueName('e2e-configs');
    await createTopic(kafka, topic, 2, { 'retention.ms': '3600000', 'segment.ms': '600000' }, 5);
    const settings = new TopicSettingsPage(page, clusterId, topic);
    await settings.goto();
    await expect(settings.value('retention.ms')).toContainText('1 hour');

    await settings.stage('retention.ms', 'soon');
    await expect(settings.fieldError('configs.retention.ms')).toContainText('whole number');
    await expect(settings.pendingChange('retention.ms')).toHaveCount(0);
    await page.getByTestId('config-input-retention.ms').fill('7200000');
    await page.getByTestId('config-stage-retention.ms').click();
    await settings.resetButton('segment.ms').click();
    await expect(settings.pendingChange('retention.ms')).toContainText('2 hours');
    await expect(settings.pendingChange('segment.ms')).toContainText('reset');

    await settings.validateConfigs.click();
    await expect(settings.configsResult).toHaveAttribute('data-tone', 'ok');
    expect(await overrides(kafka, topic)).toEqual({ 'retention.ms': '3600000', 'segment.ms': '600000' });
    await screenshot(page, 'topic-settings');

    await settings.applyConfigs.click();
    await expect(settings.configsResult).toContainText('Applied 2 changes');
    await expect.poll(() => overrides(kafka, topic)).toEqual({ 'retention.ms': '7200000' });
    await expect(settings.value('retention.ms')).toContainText('2 hours');
  });

  test('partitions: added only after the keyed-data warning is acknowledged', async ({ page, kafka, clusterId, uniqueName }) => {
    const topic = uniqueName('e2e-parts');
    await createTopic(kafka, topic, 2);
    const settings = new TopicSettingsPage(page, clusterId, topic);
    await settings.goto();
    await settings.partitionsTotal.fill('2');
    await expect(settings.fieldError('partitions')).toContainText('Kafka cannot remove partitions');
    await settings.partitionsTotal.fill('5');
    await expect(settings.addPartitions).toBeDisabled();
    await expect(page.getByTestId('partitions-warning')).toContainText('Keyed records will map to different partitions');
    await settings.partitionsAck.check();
    await settings.addPartitions.click();
    await expect(settings.partitionsResult).toContainText('now has 5 partitions');
    const meta = await withAdmin(kafka, (a) => a.fetchTopicMetadata({ topics: [topic] }));
    expect(meta.topics[0].partitions).toHaveLength(5);
  });

  test('purge: one partition up to an offset, then everything; the name must be typed', async ({ page, kafka, clusterId, uniqueName }) => {
    const topic = uniqueName('e2e-purge');
    await createTopic(kafka, topic, 2, {}, 10);
    const lows = () => withAdmin(kafka, async (a) => (await a.fetchTopicOffsets(topic)).sort((x, y) => x.partition - y.partition).map((o) => `${o.low}-${o.high}`));
    const settings = new TopicSettingsPage(page, clusterId, topic);
    await settings.goto();
    await settings.purgeScopePartitions.check();
    await settings.purgePartition.selectOption('0');
    await settings.purgeOffset.fill('99');
    await expect(settings.fieldError('offsets.0.offset')).toContainText('ends at offset 10');
    await settings.purgeOffset.fill('4');
    await expect(page.getByTestId('purge-summary')).toContainText('Deletes 4 records');
    await settings.purgeConfirm.fill(topic.toUpperCase());
    await expect(settings.purgeButton).toBeDisabled();
    await settings.purgeConfirm.fill(topic);
    await settings.purgeButton.click();
    await expect(settings.purgeResult).toContainText('Deleted 4 records');
    expect(await lows()).toEqual(['4-10', '0-10']);

    await settings.purgeScopeAll.check();
    await settings.purgeConfirm.fill(topic);
    await settings.purgeButton.click();
    await expect(settings.purgeResult).toContainText('Deleted 16 records');
    expect(await lows()).toEqual(['10-10', '10-10']);
  });

  test('delete: refused until the exact name is typed, then gone', async ({ page, kafka, clusterId, uniqueName }) => {
    const topic = uniqueName('e2e-delete');
    await createTopic(kafka, topic, 1);
    const settings = new TopicSettingsPage(page, clusterId, topic);
    await settings.goto();
    await expect(settings.dangerZone).toBeVisible();
    for (const wrong of ['', topic.slice(0, -1), `${topic} `, topic.toUpperCase()]) {
      await settings.deleteConfirm.fill(wrong);
      await expect(settings.deleteButton).toBeDisabled();
    }
    expect(await topicNames(kafka)).toContain(topic);
    await settings.deleteConfirm.fill(topic);
    await settings.deleteButton.click();
    await page.waitForURL(/\/topics$/);
    await expect.poll(() => topicNames(kafka)).not.toContain(topic);
  });
});

test('audit page: successes and failures, newest first, filtered', async ({ page, kafka, clusterId, uniqueName }) => {
  const name = uniqueName('e2e-audited');
  const form = new CreateTopicPage(page, clusterId);
  await form.goto();
  await form.name.fill(name);
  await form.addConfig('preallocate', 'maybe');
  await form.validateButton.click();
  await expect(form.fieldError('configs.preallocate')).toBeVisible();
  await form.removeConfig(0);
  // A refusal by the server, then a success.
  await page.request.post(`/api/clusters/${clusterId}/topics`, { data: { name, partitions: 0, replicationFactor: 1 } });
  await form.createButton.click();
  await page.waitForURL(new RegExp(`/topics/${name}$`));
  expect(await topicNames(kafka)).toContain(name);

  const audit = new AuditPage(page, clusterId);
  await audit.goto();
  await audit.filter('target').fill(name);
  await expect(audit.rowsFor(name)).toHaveCount(2);
  await expect(audit.rowsFor(name).first()).toHaveAttribute('data-outcome', 'success');
  await expect(audit.rowsFor(name).nth(1)).toHaveAttribute('data-outcome', 'failure');
  await audit.outcome.selectOption('failure');
  await expect(audit.rowsFor(name)).toHaveCount(1);
  await expect(audit.rowsFor(name).first().getByTestId('audit-error')).toContainText('Partitions must be at least 1');
  await audit.outcome.selectOption('');
  await expect(audit.rowsFor(name)).toHaveCount(2);
  await audit.rowsFor(name).first().getByTestId('audit-params-toggle').click();
  await expect(page.getByTestId('audit-params')).toContainText('"partitions": 3');
  await screenshot(page, 'audit');
});

test.describe('read-only console', () => {
  let server: ChildProcess | undefined;
  let base = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'console-ro-'));
  const auditFile = join(dataDir, 'audit.log');

  async function startReadOnly() {
    const port = await freePort();
    server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
      env: { ...process.env, KAFKA_BROKERS: process.env.E2E_BROKERS, KAFKA_CLUSTER_NAME: 'e2e', KAFKA_READ_ONLY: 'true', CONSOLE_AUDIT_FILE: auditFile, NODE_ENV: 'production' },
      stdio: 'ignore',
    });
    base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/clusters`, 60_000);
  }
  async function stopReadOnly() {
    const s = server;
    server = undefined;
    if (!s || s.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      s.once('exit', () => resolve());
      s.kill('SIGTERM');
    });
  }

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await startReadOnly();
  });
  test.afterAll(stopReadOnly);

  test('every action is disabled or hidden, the API refuses, and the refusal survives a restart', async ({ page, kafka, uniqueName }) => {
    test.setTimeout(180_000);
    const topic = uniqueName('e2e-ro');
    await createTopic(kafka, topic, 2, { 'retention.ms': '3600000' }, 3);
    const before = await topicNames(kafka);

    await page.goto(`${base}/clusters/e2e/topics/new`);
    await expect(page.getByTestId('read-only-badge')).toBeVisible();
    await expect(page.getByTestId('read-only-notice')).toBeVisible();
    await expect(page.getByTestId('create-topic-form')).toBeVisible();
    for (const id of ['validate-button', 'create-button', 'topic-name-input', 'partitions-input', 'add-config']) {
      await expect(page.getByTestId(id)).toBeDisabled();
    }

    await page.goto(`${base}/clusters/e2e/topics/${topic}/settings`);
    await expect(page.getByTestId('config-row-retention.ms')).toBeVisible();
    await expect(page.getByTestId('read-only-notice')).toBeVisible();
    for (const id of ['config-edit-retention.ms', 'config-reset-retention.ms', 'add-config-stage', 'partitions-add-button', 'purge-button', 'purge-confirm-input', 'delete-button', 'delete-confirm-input']) {
      await expect(page.getByTestId(id)).toBeDisabled();
    }
    await expect(page.getByTestId('clone-link')).toHaveAttribute('aria-disabled', 'true');
    await screenshot(page, 'topic-settings-read-only');

    // Any page of the console: no enabled control that would change the cluster.
    const action = /^\s*(create|delete|purge|apply|add partitions|reset|produce|send|replay|clone)/i;
    for (const path of ['', '/topics', `/topics/${topic}`, `/topics/${topic}/messages`, '/groups', '/produce']) {
      await page.goto(`${base}/clusters/e2e${path}`);
      await page.waitForLoadState('networkidle');
      const enabled = await page.locator('main button:enabled').evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
      expect(enabled.filter((text) => action.test(text)), `enabled actions on ${path || '/'}`).toEqual([]);
      await expect(page.locator('main a[href*="/topics/new"]:not([aria-disabled="true"])'), `create links on ${path || '/'}`).toHaveCount(0);
    }

    const refused = await page.request.post(`${base}/api/clusters/e2e/topics`, { data: { name: `${topic}-x`, partitions: 1, replicationFactor: 1 } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe('read_only');
    const del = await page.request.delete(`${base}/api/clusters/e2e/topics/${topic}`, { data: { confirm: topic } });
    expect(del.status()).toBe(403);
    expect(await topicNames(kafka)).toEqual(before);

    // Leave the page first: its polls would otherwise fail while the console restarts.
    await page.goto('about:blank');
    await stopReadOnly();
    await startReadOnly();
    const audit = new AuditPage(page, 'e2e');
    await page.goto(`${base}/clusters/e2e/audit?outcome=refused`);
    await expect(audit.rows.first()).toBeVisible();
    await expect(audit.rows).toHaveCount(2);
    await expect(audit.rows.first()).toHaveAttribute('data-action', 'topic.delete');
    await expect(audit.rows.nth(1)).toHaveAttribute('data-action', 'topic.create');
  });
});
