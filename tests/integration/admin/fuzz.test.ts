import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Consumer } from 'kafkajs';
import type { z } from 'zod';
import { deleteGroupInput, deleteGroupOffsetsInput, resetExecuteRequest } from '@/lib/api/groups';
import { addPartitionsInput, createTopicInput, deleteTopicInput, patchConfigsInput, purgeRecordsInput, putConfigsInput } from '@/lib/api/topic-admin';
import { callRoute } from '@/tests/support/console';
import { seededRandom } from '@/tests/support/seeded-random';
import { waitFor } from '@/tests/support/wait';
import { corrupt, genericMalformed, pick, type Body } from './fuzz-bodies';
import { discoverWriteRoutes, paramsFor, type DiscoveredRoute } from './routes';
import { snapshotCluster, startAdminTest, type AdminTestContext } from './support';

// Every write route of the app gets at least 1,000 malformed bodies (and malformed URL params):
// none may answer 500 or 2xx, and the cluster must be exactly as before (topics, configs,
// offsets, committed group offsets), checked with kafkajs.

const BODIES_PER_ROUTE = Number(process.env.FUZZ_BODIES ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let t: AdminTestContext;
let routes: DiscoveredRoute[];
let consumer: Consumer;
const run = Date.now().toString(36);
const topic = `fuzz-${run}`;
const group = `fuzz-group-${run}`;

/** What a valid body (and query) of the routes whose schema is known looks like; fuzzing breaks the body. */
const known: Record<string, { schema: z.ZodType; template: Record<string, unknown>; query?: Record<string, string> }> = {
  'clusters/[cluster]/topics POST': {
    schema: createTopicInput,
    template: { name: `fuzz-created-${run}`, partitions: 2, replicationFactor: 1, configs: { 'retention.ms': '1000' }, validateOnly: false },
  },
  'clusters/[cluster]/topics/[topic] DELETE': { schema: deleteTopicInput, template: { confirm: topic } },
  'clusters/[cluster]/topics/[topic]/configs PATCH': { schema: patchConfigsInput, template: { set: { 'retention.ms': '1000' }, reset: ['segment.ms'] } },
  'clusters/[cluster]/topics/[topic]/configs PUT': { schema: putConfigsInput, template: { configs: { 'retention.ms': '1000' } } },
  'clusters/[cluster]/topics/[topic]/partitions POST': { schema: addPartitionsInput, template: { partitions: 6 } },
  'clusters/[cluster]/topics/[topic]/records DELETE': {
    schema: purgeRecordsInput,
    template: { scope: 'partitions', confirm: topic, offsets: [{ partition: 0, offset: 3 }] },
  },
  'clusters/[cluster]/groups/[group]/reset-offsets POST': {
    schema: resetExecuteRequest,
    template: { scope: { type: 'all' }, strategy: { type: 'earliest' }, confirm: true },
  },
  'clusters/[cluster]/groups/[group] DELETE': { schema: deleteGroupInput, template: { confirm: group } },
  'clusters/[cluster]/groups/[group]/offsets DELETE': { schema: deleteGroupOffsetsInput, template: { confirm: topic }, query: { topic } },
};

before(async () => {
  t = await startAdminTest();
  await t.admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 2, configEntries: [{ name: 'segment.ms', value: '3600000' }] }] });
  const producer = t.kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
  await producer.disconnect();
  // A live group with committed offsets: routes about groups get a real target, and Kafka itself
  // refuses to delete or reset a group with members, so only the bodies are under test.
  consumer = t.kafka.consumer({ groupId: group, heartbeatInterval: 500, sessionTimeout: 30_000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await consumer.run({ autoCommitInterval: 100, eachMessage: async () => void seen++ });
  await waitFor(() => seen === 30, { timeoutMs: 20_000, what: () => `the group to consume all 30 messages (${seen})` });
  // Its commits land after the messages: a snapshot taken before they all did would differ later.
  await waitFor(async () => (await committedOffsets()) === 30, { timeoutMs: 10_000, what: 'the group to commit all 30 messages' });
  routes = await discoverWriteRoutes();
  console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} reproduces), ${routes.length} write routes, ${BODIES_PER_ROUTE} bodies each`);
});
after(async () => {
  await consumer?.disconnect().catch(() => undefined);
  await t?.close();
});

/** Sum of the group's committed offsets on the fuzzed topic. */
async function committedOffsets(): Promise<number> {
  const [committed] = await t.admin.fetchOffsets({ groupId: group, topics: [topic] });
  return committed.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

/**
 * What the fuzzing relies on, so that it cannot pass by sending nothing or by aiming at nothing:
 * routes were found, among them every one with a known schema (its template would silently go
 * unused otherwise); the topic holds its 30 messages; the group is live (Kafka refuses to delete
 * or reset a group with members, so a body that got through would not be what changed it) and
 * has committed all 30.
 */
async function assertFuzzTargets(): Promise<void> {
  assert.ok(routes.length > 0, 'write routes were discovered');
  const ids = new Set(routes.map((r) => r.id));
  assert.deepEqual(Object.keys(known).filter((id) => !ids.has(id)), [], 'every route with a known schema is among the discovered ones');
  const offsets = await t.admin.fetchTopicOffsets(topic);
  assert.equal(offsets.reduce((sum, p) => sum + Number(p.high), 0), 30, `${topic} holds its 30 messages`);
  const [described] = (await t.admin.describeGroups([group])).groups;
  assert.equal(described.state, 'Stable', `${group} is live`);
  assert.equal(described.members.length, 1, `${group} has its member`);
  assert.equal(await committedOffsets(), 30, `${group} has committed all 30 messages`);
}

function send(route: DiscoveredRoute, params: Record<string, string>, body: Body) {
  return callRoute<{ code?: string }>(route.handler, params, {
    method: route.method,
    query: known[route.id]?.query,
    ...('raw' in body ? { rawBody: body.raw } : { body: body.json }),
  });
}

describe('fuzzing every write route', () => {
  it(`no 500, no 2xx and no change to the cluster for malformed bodies`, { timeout: 900_000 }, async () => {
    await assertFuzzTargets();
    const before = await snapshotCluster(t.admin);
    assert.ok(before.groups[group]?.length, 'the group has committed offsets to protect');
    const rnd = seededRandom(SEED);
    const failures: string[] = [];
    const counts: Record<string, number> = {};
    for (const route of routes) {
      const spec = known[route.id];
      const params = paramsFor(route, { cluster: 'main', topic, group });
      for (let i = 0; i < BODIES_PER_ROUTE; i++) {
        const body = spec && rnd() < 0.6 ? corrupt(rnd, spec.template, spec.schema) : genericMalformed(rnd);
        const { status, body: answer } = await send(route, params, body);
        counts[route.id] = (counts[route.id] ?? 0) + 1;
        if (status >= 500 || status < 400) {
          failures.push(`${route.id} #${i} -> ${status} ${JSON.stringify(answer).slice(0, 200)} for ${JSON.stringify(body).slice(0, 300)}`);
          if (failures.length > 20) break;
        }
      }
    }
    assert.deepEqual(failures, [], `seed ${SEED}`);
    for (const route of routes) assert.ok(counts[route.id] >= BODIES_PER_ROUTE, route.id);
    assert.deepEqual(await snapshotCluster(t.admin), before, `seed ${SEED}: the cluster changed`);
  });

  it('malformed URL params with plausible bodies are 4xx and change nothing', { timeout: 300_000 }, async () => {
    await assertFuzzTargets();
    const before = await snapshotCluster(t.admin);
    const rnd = seededRandom(SEED + 1);
    const badNames = ['', '.', '..', '../x', 'a/b', 'x'.repeat(300), 'bad name', '%00', '\u0000', `${topic}-missing`, 'ünï'];
    const failures: string[] = [];
    for (const route of routes) {
      const template = known[route.id]?.template ?? {};
      for (let i = 0; i < 60; i++) {
        const which = rnd() < 0.3 ? 'cluster' : 'other';
        const params = paramsFor(route, {
          cluster: which === 'cluster' ? pick(rnd, ['nope', '', '../main', 'MAIN', 'down ']) : 'main',
          topic: which === 'other' ? pick(rnd, badNames) : topic,
          group: which === 'other' ? pick(rnd, badNames) : group,
        });
        if (which === 'other' && !route.segments.some((s) => s === '[topic]' || s === '[group]')) continue;
        const { status, body } = await send(route, params, { json: template });
        if (status >= 500 || status < 400) failures.push(`${route.id} ${JSON.stringify(params)} -> ${status} ${JSON.stringify(body).slice(0, 200)}`);
      }
    }
    assert.deepEqual(failures, [], `seed ${SEED + 1}`);
    assert.deepEqual(await snapshotCluster(t.admin), before);
  });
});
