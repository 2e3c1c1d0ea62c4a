import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { freePort, waitForHttp } from '@/e2e/support/net';

const port = await freePort();
const app = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
  env: { ...process.env, DEVCLUSTER_PORT: '0', CONSOLE_LAG_SAMPLE_MS: '3000', CONSOLE_AUDIT_FILE: '/tmp/gsmoke/a.log', CONSOLE_CONFIG: '', KAFKA_BROKERS: '' },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
await waitForHttp(`${base}/api/clusters`, 60_000);
await fetch(`${base}/api/clusters/local/groups`);
await new Promise((r) => setTimeout(r, Number(process.env.WAIT ?? 60_000)));
try {
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
for (const [path, file, full] of [
  ['/clusters/local/groups', 'list', false],
  ['/clusters/local/groups/clickstream-analytics', 'detail-warn', true],
  ['/clusters/local/groups/legacy-reporting', 'detail-stop', true],
] as const) {
  await page.goto(base + path);
  await page.getByTestId(file === 'list' ? 'groups-table' : 'partitions-table').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `/tmp/gsmoke/${file}.png`, fullPage: full });
}
// Reset preview on the stopped group.
await page.getByTestId('reset-strategy').selectOption('duration');
await page.getByTestId('reset-preview-button').click();
await page.getByTestId('reset-preview').waitFor();
await page.getByTestId('reset-panel').screenshot({ path: '/tmp/gsmoke/reset-preview.png' });
const groups = await (await fetch(`${base}/api/clusters/local/groups`)).json();
console.log(JSON.stringify(groups.groups.map((g: { groupId: string; health: unknown }) => [g.groupId, g.health])));
await browser.close();
} finally {
  app.kill();
}
