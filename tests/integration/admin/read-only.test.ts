import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callRoute } from '@/tests/support/console';
import { discoverWriteRoutes, NON_MUTATING, paramsFor, type DiscoveredRoute } from './routes';
import { readAuditFile, snapshotCluster, startAdminTest, type AdminTestContext } from './support';

// Read-only mode: every route of the app that can change a cluster refuses with 403 read_only on
// the "locked" cluster (read-only per cluster), whatever the body, and records the refusal.

let t: AdminTestContext;
let routes: DiscoveredRoute[];
const run = Date.now().toString(36);
const topic = `ro-${run}`;
const group = `ro-group-${run}`;

before(async () => {
  t = await startAdminTest();
  await t.admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }] });
  const producer = t.kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ key: 'k', value: 'v' }, { key: 'k2', value: 'v2' }] });
  await producer.disconnect();
  routes = await discoverWriteRoutes();
});
after(() => t?.close());

/** Bodies that would be accepted on a writable cluster, and some that would not. */
function bodiesFor(route: DiscoveredRoute): unknown[] {
  const plausible: Record<string, unknown> = {
    'clusters/[cluster]/topics POST': { name: `ro-new-${run}`, partitions: 1, replicationFactor: 1 },
    'clusters/[cluster]/topics/[topic] DELETE': { confirm: topic },
    'clusters/[cluster]/topics/[topic]/configs PATCH': { set: { 'retention.ms': '1000' } },
    'clusters/[cluster]/topics/[topic]/configs PUT': { configs: {} },
    'clusters/[cluster]/topics/[topic]/partitions POST': { partitions: 5 },
    'clusters/[cluster]/topics/[topic]/records DELETE': { scope: 'all', confirm: topic },
    'clusters/[cluster]/groups/[group]/reset-offsets POST': { scope: { type: 'all' }, strategy: { type: 'earliest' }, confirm: true },
    'clusters/[cluster]/groups/[group] DELETE': { confirm: group },
    'clusters/[cluster]/groups/[group]/offsets DELETE': { confirm: topic },
  };
  return [plausible[route.id] ?? {}, undefined, { nonsense: true }];
}

describe('read-only mode', () => {
  it('finds the mutating routes of the app', () => {
    const ids = routes.map((r) => r.id);
    for (const mine of ['clusters/[cluster]/topics POST', 'clusters/[cluster]/topics/[topic] DELETE', 'clusters/[cluster]/topics/[topic]/configs PATCH', 'clusters/[cluster]/topics/[topic]/records DELETE']) {
      assert.ok(ids.includes(mine), `${mine} in ${ids.join(', ')}`);
    }
  });

  it('every write method is made with mutation() or is listed as changing nothing', () => {
    const unguarded = routes.filter((r) => !r.action && !NON_MUTATING[r.id]).map((r) => r.id);
    assert.deepEqual(unguarded, [], 'these routes can change a cluster without read-only checks or audit: wrap them in mutation() from lib/server/mutation');
  });

  it('every mutating route answers 403 read_only on a read-only cluster and changes nothing', async () => {
    const before = await snapshotCluster(t.admin);
    const mutating = routes.filter((r) => r.action);
    for (const route of mutating) {
      for (const body of bodiesFor(route)) {
        const params = paramsFor(route, { cluster: 'locked', topic, group });
        const { status, body: answer } = await callRoute<{ code: string }>(route.handler, params, {
          method: route.method,
          body,
          query: { topic },
        });
        assert.equal(status, 403, `${route.id} with ${JSON.stringify(body)} -> ${status} ${JSON.stringify(answer)}`);
        assert.equal(answer.code, 'read_only', route.id);
      }
    }
    assert.deepEqual(await snapshotCluster(t.admin), before);
    const refused = readAuditFile(t.console.auditFile).filter((e) => e.cluster === 'locked' && e.outcome === 'refused');
    for (const route of mutating) assert.ok(refused.some((e) => e.action === route.action), `refusal of ${route.id} is audited`);
  });

  it('the same routes still work on the writable cluster (the refusal is the read-only flag, not the route)', async () => {
    const create = routes.find((r) => r.id === 'clusters/[cluster]/topics POST')!;
    const { status } = await callRoute(create.handler, { cluster: 'main' }, { body: { name: `ro-ok-${run}`, partitions: 1, replicationFactor: 1 } });
    assert.equal(status, 200);
    assert.ok((await t.admin.listTopics()).includes(`ro-ok-${run}`));
  });
});
