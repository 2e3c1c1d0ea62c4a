import { expect, test } from './fixtures';
import { collectPageErrors, HYDRATION_ERROR } from './support/page-errors';

// The error collector every test relies on, tried on deliberately broken pages: if it missed any
// of these, every other spec would pass over the same breakage unnoticed.

test('reports an uncaught exception and a console error, and lets a declared console error through', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const collector = collectPageErrors(context);
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.evaluate(() => {
      console.error('deliberate console error');
      setTimeout(() => {
        throw new Error('deliberate uncaught error');
      });
    });
    await expect.poll(() => collector.unexpected().map((e) => e.kind).sort()).toEqual(['console', 'pageerror']);
    expect(collector.unexpected().find((e) => e.kind === 'pageerror')?.text).toContain('deliberate uncaught error');

    collector.allow(/deliberate console error/);
    expect(collector.unexpected().map((e) => e.kind)).toEqual(['pageerror']);
  } finally {
    collector.stop();
    await context.close();
  }
});

test('reports a hydration mismatch: server HTML that differs from the first browser render', async ({ browser, baseURL, clusterId }) => {
  const context = await browser.newContext({ baseURL });
  const collector = collectPageErrors(context);
  try {
    const page = await context.newPage();
    // The real page, with one text node of the server's HTML changed: exactly what a
    // time-dependent render does when the browser hydrates a moment later.
    await page.route(`**/clusters/${clusterId}/brokers`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const html = await response.text();
      expect(html).toContain('>Kafka Console</a>');
      await route.fulfill({ response, body: html.replace('>Kafka Console</a>', '>Kafka Console, as the server saw it</a>') });
    });
    await page.goto(`/clusters/${clusterId}/brokers`);
    await expect.poll(() => collector.unexpected().filter((e) => e.kind === 'pageerror' && HYDRATION_ERROR.test(e.text)).length).toBeGreaterThan(0);
  } finally {
    collector.stop();
    await context.close();
  }
});

test('fails the test whose page threw, without the test asking', async ({ page }) => {
  // Expected to fail: if the automatic check let the error pass, this test would pass and be reported.
  test.fail();
  await page.goto('/');
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('deliberate uncaught error');
    });
  });
  // A second round trip: the exception event is delivered before its answer.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
});
