import { expect, test } from './fixtures';

// An address for something that does not exist answers HTTP 404 with a page that leads back,
// instead of a 200 with an error box and a "Try again" that can never succeed.

const missing = (cluster: string) => [
  { what: 'cluster', path: '/clusters/no-such-cluster', back: '/' },
  { what: 'cluster (a page inside it)', path: '/clusters/no-such-cluster/topics', back: '/' },
  { what: 'topic', path: `/clusters/${cluster}/topics/no-such-topic`, back: `/clusters/${cluster}` },
  { what: 'topic messages', path: `/clusters/${cluster}/topics/no-such-topic/messages`, back: `/clusters/${cluster}` },
  { what: 'topic settings', path: `/clusters/${cluster}/topics/no-such-topic/settings`, back: `/clusters/${cluster}` },
  { what: 'group', path: `/clusters/${cluster}/groups/no-such-group`, back: `/clusters/${cluster}` },
  { what: 'broker', path: `/clusters/${cluster}/brokers/999`, back: `/clusters/${cluster}` },
  { what: 'broker (not a number)', path: `/clusters/${cluster}/brokers/abc`, back: `/clusters/${cluster}` },
  { what: 'page', path: '/no-such-page', back: '/' },
];

test('every unknown cluster, topic, group, broker and page answers 404 with a way back', async ({ page, request, clusterId, pageErrors }) => {
  // The browser logs each 404 document as a failed resource load: provoked here on purpose.
  pageErrors.allow(/status of 404/);
  for (const { what, path, back } of missing(clusterId)) {
    const direct = await request.get(path);
    expect(direct.status(), `${what}: ${path}`).toBe(404);

    const response = await page.goto(path);
    expect(response?.status(), `${what}: ${path} in the browser`).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByTestId('not-found-back')).toHaveAttribute('href', back);
  }
  expect(pageErrors.unexpected()).toEqual([]);
});

test('pages of things that exist still answer 200', async ({ request, clusterId }) => {
  for (const path of [`/clusters/${clusterId}`, `/clusters/${clusterId}/brokers/1`, `/clusters/${clusterId}/topics/new`]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

test('the console has an icon, at /favicon.ico and linked from every page', async ({ page, request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toContain('image/');
  await page.goto('/');
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
  expect(href).toBeTruthy();
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(await svg.text()).toContain('<svg');
});
