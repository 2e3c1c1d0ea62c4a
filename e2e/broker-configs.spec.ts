import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { withAdmin } from './support/kafka-admin';

// A dynamic broker config edited on the broker page: Apply is offered only once the broker has
// validated the value; the applied value is what kafkajs reads back; Reset removes it again.
// log.message.downconversion.enable is set to its default value, harmless on any cluster.

const NAME = 'log.message.downconversion.enable';

test('a broker config is validated, applied and reset from the broker page', async ({ page, kafka, clusterId, pageErrors }) => {
  const broker = await withAdmin(kafka, async (admin) => (await admin.describeCluster()).brokers.map((b) => b.nodeId).sort((a, b) => a - b)[0]);
  const source = () =>
    withAdmin(kafka, async (admin) => {
      const res = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 4, name: String(broker), configNames: [NAME] }] });
      const entry = res.resources[0].configEntries.find((e) => e.configName === NAME)!;
      return { value: entry.configValue, source: entry.configSource as number };
    });
  const before = await source();
  await page.goto(`/clusters/${clusterId}/brokers/${broker}`);
  const editor = page.getByTestId('broker-config-editor');
  await editor.getByTestId('broker-config-name').selectOption(NAME);
  await expect(editor.getByTestId('broker-config-info')).toContainText('BOOLEAN');
  await editor.getByTestId('broker-config-value').fill('true');
  const apply = editor.getByTestId('broker-config-apply');
  await expect(apply).toBeDisabled();
  await editor.getByTestId('broker-config-validate').click();
  await expect(editor.getByTestId('broker-config-outcome')).toContainText('nothing changed yet');
  expect(await source()).toEqual(before);
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(editor.getByTestId('broker-config-outcome')).toContainText(`Applied ${NAME} = true on broker ${broker}`);
  await expect.poll(source).toEqual({ value: 'true', source: 2 });
  await expect(page.getByTestId(`config-source-${NAME}`)).toContainText(/dynamic/i);
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/broker-config-applied.png', fullPage: true });

  await editor.getByTestId('broker-config-reset').click();
  await expect(editor.getByTestId('broker-config-outcome')).toContainText('Removed the dynamic value');
  await expect.poll(source).toEqual(before);

  await editor.getByTestId('broker-config-name').selectOption(NAME);
  await editor.getByTestId('broker-config-value').fill('perhaps');
  pageErrors.allow(/status of 400 .*\/brokers\/\d+\/configs/);
  await editor.getByTestId('broker-config-validate').click();
  await expect(editor.getByTestId('broker-config-outcome')).toContainText('must be true or false');
});
