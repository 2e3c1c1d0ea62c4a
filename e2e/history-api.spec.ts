import { expect, test } from './fixtures';

// The history API from the production server: the sampler runs inside the built app (its tick is
// loaded on first use), and the overview carries the traffic it measured. At the default 10 s
// interval the first point takes one tick, a rate two.

test('the production server samples the cluster: history points and overview traffic', async ({ request, kafka, clusterId }) => {
  test.setTimeout(90_000);
  const admin = kafka.admin();
  await admin.connect();
  const brokers = (await admin.describeCluster()).brokers.length;
  await admin.disconnect();
  const api = `/api/clusters/${clusterId}`;

  const bad = await request.get(`${api}/history?metrics=topic.size`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).details.fields.metrics).toContain('topic.size');

  await expect
    .poll(
      async () => {
        const body = await (await request.get(`${api}/history?metrics=cluster.brokers-online&range=15m`)).json();
        return body.series[0].points.filter((p: [number, number | null]) => p[1] !== null).at(-1)?.[1] ?? null;
      },
      { timeout: 40_000, intervals: [1_000] },
    )
    .toBe(brokers);

  await expect
    .poll(async () => (await (await request.get(`${api}/overview`)).json()).traffic?.windowMs ?? null, { timeout: 40_000, intervals: [1_000] })
    .toBeGreaterThan(0);
});
