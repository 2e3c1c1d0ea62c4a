import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { withAdmin } from './support/kafka-admin';

// The metadata quorum page names the active controller as the quorum leader and lists every
// voter caught up; against a cluster without DescribeQuorum it names the controller instead.

test('the quorum page shows the leader kafkajs reports and every voter caught up', async ({ page, kafka, clusterId }) => {
  const controller = await withAdmin(kafka, async (admin) => (await admin.describeCluster()).controller);
  await page.goto(`/clusters/${clusterId}/quorum`);
  const unavailable = page.getByTestId('quorum-unavailable');
  const leader = page.getByTestId('quorum-leader');
  await expect(unavailable.or(leader)).toBeVisible();
  if (await unavailable.isVisible()) {
    await expect(unavailable).toContainText(`Its controller is broker ${controller}`);
    return;
  }
  await expect(leader).toContainText(`node ${controller}`);
  const voters = page.getByTestId('quorum-voters').locator('tbody tr');
  await expect(voters).not.toHaveCount(0);
  await expect(page.getByTestId(`quorum-lag-${controller}`)).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('quorum-caught-up')).toContainText(/(\d+) of \1/);
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/quorum.png', fullPage: true });
});
