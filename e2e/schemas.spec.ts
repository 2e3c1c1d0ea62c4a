import { expect, test } from './fixtures';

// The schema browser against the e2e cluster's embedded Schema Registry: a compatible version is
// checked, registered and shown in the diff; an incompatible one is refused with the reason.

const registryUrl = process.env.E2E_SCHEMA_REGISTRY_URL;
const v1 = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }] };
const v2 = { ...v1, fields: [...v1.fields, { name: 'note', type: 'string', default: '' }] };
const broken = { ...v1, fields: [{ name: 'id', type: 'string' }] };

test.skip(!registryUrl, 'needs the embedded Schema Registry of the e2e cluster');

test('register a compatible version, see the diff, and have an incompatible one refused', async ({ page, clusterId, uniqueName, kafka }) => {
  const topic = uniqueName('orders');
  const subject = `${topic}-value`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  await admin.disconnect();
  // v1 goes in through the registry's own API, as another client would register it.
  const seeded = await fetch(`${registryUrl}/subjects/${subject}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(v1) }),
  });
  expect(seeded.ok).toBe(true);

  await page.goto(`/clusters/${clusterId}/schemas`);
  await page.getByTestId('subjects-filter').fill(topic);
  const row = page.getByTestId('subject-row').filter({ hasText: subject });
  await expect(row).toContainText('AVRO');
  await expect(row.getByRole('link', { name: topic, exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/schemas-list.png', fullPage: true });
  await row.getByRole('link', { name: subject }).click();

  await expect(page.getByTestId('subject-name')).toHaveText(subject);
  await expect(page.getByTestId('subject-topics').getByRole('link', { name: topic, exact: true })).toBeVisible();
  const register = page.getByTestId('register-schema');
  await expect(register).toBeDisabled();
  await page.getByTestId('register-schema-text').fill(JSON.stringify(v2, null, 2));
  await page.getByTestId('check-compatibility').click();
  await expect(page.getByTestId('compatibility-verdict')).toHaveAttribute('data-compatible', 'true');
  await expect(register).toBeEnabled();
  await register.click();
  await expect(page.getByTestId('versions-list').getByTestId('version-item')).toHaveCount(2);
  await expect(page.getByTestId('schema-diff').getByTestId('diff-added').filter({ hasText: '"note"' }).first()).toBeVisible();

  await page.getByTestId('register-schema-text').fill(JSON.stringify(broken, null, 2));
  await page.getByTestId('check-compatibility').click();
  const verdict = page.getByTestId('compatibility-verdict');
  await expect(verdict).toHaveAttribute('data-compatible', 'false');
  await expect(verdict).toContainText('Not BACKWARD compatible');
  await expect(verdict.locator('li').first()).toBeVisible();
  await expect(register).toBeDisabled();
  await page.screenshot({ path: 'test-results/schemas-subject.png', fullPage: true });

  // The server refuses it too, with the registry's reasons, and nothing was registered.
  const refused = await page.request.post(`/api/clusters/${clusterId}/schemas/${subject}/versions`, { data: { schema: JSON.stringify(broken) } });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { details: { messages: string[] } }).details.messages.length).toBeGreaterThan(0);
  const versions = (await (await fetch(`${registryUrl}/subjects/${subject}/versions`)).json()) as number[];
  expect(versions).toEqual([1, 2]);
});

test('an unknown subject is a 404 page', async ({ page, clusterId, pageErrors }) => {
  // The browser logs the 404 document as a failed resource load: provoked here on purpose.
  pageErrors.allow(/status of 404/);
  const response = await page.goto(`/clusters/${clusterId}/schemas/no-such-subject-${Date.now()}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
});
