import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callRoute } from '@/tests/support/console';
import { discoverWriteRoutes, paramsFor } from './routes';
import { startAdminTest, type AdminTestContext } from './support';

// The console-wide read-only switch (readOnly: true at the top of the config, or CONSOLE_READ_ONLY)
// locks every cluster, including ones configured as writable.

let t: AdminTestContext;
const topic = `rog-${Date.now().toString(36)}`;

before(async () => {
  t = await startAdminTest({ readOnly: true });
  await t.admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
});
after(() => t?.close());

describe('global read-only', () => {
  it('refuses every mutating route on every cluster and the cluster summary says so', async () => {
    const routes = (await discoverWriteRoutes()).filter((r) => r.action);
    assert.ok(routes.length >= 6);
    for (const route of routes) {
      const { status, body } = await callRoute<{ code: string }>(route.handler, paramsFor(route, { cluster: 'main', topic, group: 'g' }), {
        method: route.method,
        body: { confirm: topic },
        query: { topic },
      });
      assert.equal(status, 403, `${route.id} -> ${status} ${JSON.stringify(body)}`);
      assert.equal(body.code, 'read_only');
    }
    const summary = (await import('@/app/api/clusters/[cluster]/route')).GET;
    const { body } = await callRoute<{ readOnly: boolean }>(summary, { cluster: 'main' });
    assert.equal(body.readOnly, true);
    assert.ok((await t.admin.listTopics()).includes(topic));
  });
});
