import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { hashPassword } from '@/lib/auth/passwords';
import { discoverRouteHandlers, paramsFor, type RouteHandlerEntry } from '@/tests/integration/admin/routes';
import { startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';

// Every route × method of app/api, called by four principals against a real devcluster: an admin,
// the built-in viewer, a user limited to topics `orders*`, and nobody. Routes are discovered, so a
// route added later is covered (and fails at once when it declares no permission). Every refusal
// is checked to have changed nothing on the cluster.

const run = Date.now().toString(36);
const orders = `orders-${run}`;
const payments = `payments-${run}`;
// Group names say nothing of orders: the limited user sees a group by the topics it reads.
const ordersGroup = `g-o-${run}`;
const paymentsGroup = `g-p-${run}`;
const mixedGroup = `g-m-${run}`;
const GROUPS = [ordersGroup, paymentsGroup, mixedGroup];
const MESSAGES_PER_PARTITION = 4;

type Who = 'admin' | 'viewer' | 'orders' | 'orders-ops' | 'anonymous';
interface Target {
  topic: string;
  group: string;
  limited: boolean;
}
const ordersTarget: Target = { topic: orders, group: ordersGroup, limited: false };
const paymentsTarget: Target = { topic: payments, group: paymentsGroup, limited: true };

/** Routes whose body or query (not path) names the topic they act on. */
const TOPIC_IN_REQUEST = new Set([
  'clusters/[cluster]/produce POST',
  'clusters/[cluster]/replay POST',
  'clusters/[cluster]/topics POST',
  'clusters/[cluster]/groups/[group]/offsets DELETE',
]);

/** Reads of a Schema Registry subject: this cluster has no registry, so a permitted call is a 404 (after the permission check). */
const NO_REGISTRY_HERE = new Set(['clusters/[cluster]/schemas/[subject] GET', 'clusters/[cluster]/schemas/[subject]/compatibility-check POST']);

/** A valid-looking query and body for each route that needs one. */
function requestFor(id: string, t: Target): { query?: Record<string, string>; body?: unknown } {
  switch (id) {
    case 'auth/login POST':
      return { body: { username: 'nobody', password: 'wrong password' } };
    case 'clusters/[cluster]/topics POST':
      return { body: { name: `${t.topic}-new`, partitions: 1, replicationFactor: 1 } };
    case 'clusters/[cluster]/topics GET':
    case 'clusters/[cluster]/groups GET':
      return { query: { q: run, search: run } };
    case 'clusters/[cluster]/topics/[topic] DELETE':
      return { body: { confirm: t.topic } };
    case 'clusters/[cluster]/schemas/[subject]/compatibility-check POST':
      return { body: { schema: '"string"' } };
    case 'clusters/[cluster]/topics/[topic]/configs PATCH':
      return { body: { set: { 'retention.ms': '86400000' }, reset: [] } };
    case 'clusters/[cluster]/topics/[topic]/configs PUT':
      return { body: { configs: { 'retention.ms': '86400000' } } };
    case 'clusters/[cluster]/topics/[topic]/partitions POST':
      return { body: { partitions: 4 } };
    case 'clusters/[cluster]/topics/[topic]/records DELETE':
      return { body: { scope: 'all', confirm: t.topic } };
    case 'clusters/[cluster]/produce POST':
      return { body: { topic: t.topic, partition: 0, key: 'k', value: 'v' } };
    case 'clusters/[cluster]/replay POST':
      return { body: { topic: t.topic, source: { mode: 'offsets', partition: 0, from: 0, to: 0 }, target: { topic: t.topic } } };
    case 'clusters/[cluster]/groups/[group] DELETE':
      return { body: { confirm: t.group } };
    case 'clusters/[cluster]/groups/[group]/offsets DELETE':
      return { query: { topic: t.topic }, body: { confirm: t.topic } };
    case 'clusters/[cluster]/groups/[group]/reset-offsets POST':
      return { body: { scope: { type: 'all' }, strategy: { type: 'earliest' }, confirm: true } };
    case 'clusters/[cluster]/groups/[group]/reset-offsets/preview POST':
      return { body: { scope: { type: 'all' }, strategy: { type: 'earliest' } } };
    case 'clusters/[cluster]/history GET':
      return { query: { metrics: 'cluster.produce-rate' } };
    case 'clusters/[cluster]/topics/[topic]/history GET':
      return { query: { metrics: 'topic.produce-rate' } };
    case 'clusters/[cluster]/brokers/[broker]/history GET':
      return { query: { metrics: 'broker.produce-rate' } };
    case 'clusters/[cluster]/groups/[group]/history GET':
      return { query: { metrics: 'group.lag' } };
    default:
      return {};
  }
}

let consoleUnderTest: ConsoleUnderTest;
let kafka: Kafka;
let admin: Admin;
let routes: RouteHandlerEntry[];
let brokerId: number;
const cookies: Partial<Record<Who, string>> = {};
let routePermission: typeof import('@/lib/server/route').routePermission;
let mutationAction: typeof import('@/lib/server/mutation').mutationAction;

before(async () => {
  const [adminHash, viewerHash, ordersHash] = await Promise.all(['admin pw', 'viewer pw', 'orders pw'].map((p) => hashPassword(p)));
  consoleUnderTest = await startConsoleUnderTest({
    extraConfig: [
      'auth:',
      `  sessionSecret: ${JSON.stringify(`permission-matrix-secret-${run}-0123456789abcdef`)}`,
      '  users:',
      `    - { username: admin, passwordHash: ${JSON.stringify(adminHash)}, roles: [admin] }`,
      `    - { username: viewer, passwordHash: ${JSON.stringify(viewerHash)}, roles: [viewer] }`,
      `    - { username: orders, passwordHash: ${JSON.stringify(ordersHash)}, roles: [orders-team] }`,
      `    - { username: orders-ops, passwordHash: ${JSON.stringify(ordersHash)}, roles: [orders-ops] }`,
      '  roles:',
      '    - { name: orders-team, topics: ["orders*"], actions: [view, "messages:read", "messages:produce"] }',
      '    - { name: orders-ops, topics: ["orders*"], actions: [view, "groups:reset", "groups:delete"] }',
    ],
  });
  kafka = new Kafka({ clientId: 'permission-matrix', brokers: consoleUnderTest.brokers, logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [orders, payments].map((topic) => ({ topic, numPartitions: 2, replicationFactor: 1 })) });
  const producer = kafka.producer();
  await producer.connect();
  for (const topic of [orders, payments]) {
    for (const partition of [0, 1]) {
      await producer.send({ topic, messages: Array.from({ length: MESSAGES_PER_PARTITION }, (_, i) => ({ partition, key: `k${i}`, value: `v${i}` })) });
    }
  }
  await producer.disconnect();
  // Empty groups with committed offsets: readable, and nothing refuses to reset or delete them.
  await admin.setOffsets({ groupId: ordersGroup, topic: orders, partitions: [{ partition: 0, offset: '1' }] });
  await admin.setOffsets({ groupId: paymentsGroup, topic: payments, partitions: [{ partition: 0, offset: '1' }] });
  await admin.setOffsets({ groupId: mixedGroup, topic: orders, partitions: [{ partition: 0, offset: '1' }, { partition: 1, offset: '2' }] });
  await admin.setOffsets({ groupId: mixedGroup, topic: payments, partitions: [{ partition: 0, offset: '0' }] });
  brokerId = (await admin.describeCluster()).brokers[0].nodeId;

  ({ routePermission } = await import('@/lib/server/route'));
  ({ mutationAction } = await import('@/lib/server/mutation'));
  const { appConfig } = await import('@/lib/kafka/clusters');
  const { newSession, signSession } = await import('@/lib/auth/session');
  const { auth } = await appConfig();
  assert.equal(auth.mode, 'sign-in');
  for (const name of ['admin', 'viewer', 'orders', 'orders-ops'] as const) cookies[name] = await signSession(auth, newSession(auth, { name, method: 'local' }));
  routes = await discoverRouteHandlers();
});

after(async () => {
  await admin?.disconnect().catch(() => undefined);
  await consoleUnderTest?.close();
});

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route as Next.js does; a streamed answer (search, tail) is cut off once its status is known. */
async function call(who: Who, route: RouteHandlerEntry, params: Record<string, string>, request: { query?: Record<string, string>; body?: unknown }) {
  const url = new URL(`http://127.0.0.1:3000/api/${route.path}`);
  for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  const cookie = cookies[who];
  if (cookie) headers.cookie = `console_session=${cookie}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const controller = new AbortController();
  const response = await (route.handler as Handler)(
    new Request(url, { method: route.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body), signal: controller.signal }),
    { params: Promise.resolve(params) },
  );
  let body: unknown;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) body = await response.json();
  else {
    controller.abort();
    await response.body?.cancel().catch(() => undefined);
  }
  return { status: response.status, body: body as Record<string, unknown> | undefined };
}

/** The test's own topics and groups as kafkajs sees them: names, layout, offsets and commits. */
async function clusterState(): Promise<string> {
  const names = (await admin.listTopics()).filter((n) => n.includes(run)).sort();
  const meta = names.length ? await admin.fetchTopicMetadata({ topics: names }) : { topics: [] };
  const layout = meta.topics.map((t) => `${t.name}:${t.partitions.length}`).sort();
  const offsets = await Promise.all(names.map(async (n) => `${n}=${(await admin.fetchTopicOffsets(n)).map((o) => `${o.partition}:${o.low}-${o.high}`).sort().join(',')}`));
  const configs = names.length
    ? (await admin.describeConfigs({ includeSynonyms: false, resources: names.map((name) => ({ type: 2, name })) })).resources.map(
        (r) => `${r.resourceName}:${r.configEntries.find((e) => e.configName === 'retention.ms')?.configValue}`,
      )
    : [];
  const commits = await Promise.all(
    GROUPS.map(async (groupId) => `${groupId}=${(await admin.fetchOffsets({ groupId })).flatMap((t) => t.partitions.map((p) => `${t.topic}/${p.partition}:${p.offset}`)).sort().join(',')}`),
  );
  return JSON.stringify({ names, layout, offsets, configs: configs.sort(), commits });
}

type Expected = 'refused-401' | 'refused-403' | 'ok' | 'allowed' | 'any';

function permissionOf(route: RouteHandlerEntry): string {
  const declared = routePermission(route.handler);
  assert.ok(declared, `${route.id} declares no permission`);
  return declared.permission;
}

const scoped = (route: RouteHandlerEntry) => route.segments.includes('[topic]') || route.segments.includes('[group]') || TOPIC_IN_REQUEST.has(route.id);

function expected(who: Who, route: RouteHandlerEntry, target: Target): Expected {
  const permission = permissionOf(route);
  if (permission === 'public') return 'any';
  if (who === 'anonymous') return 'refused-401';
  if (who === 'admin') return 'allowed';
  if (who === 'viewer') {
    const read = (permission === 'view' || permission === 'messages:read' || permission === 'signed-in') && !mutationAction(route.handler);
    return read ? 'allowed' : 'refused-403';
  }
  if (permission === 'signed-in') return 'ok';
  if (!['view', 'messages:read', 'messages:produce'].includes(permission)) return 'refused-403';
  return scoped(route) && target.limited ? 'refused-403' : 'ok';
}

async function check(who: Who, route: RouteHandlerEntry, target: Target): Promise<void> {
  const want = expected(who, route, target);
  const params = paramsFor(route, { cluster: 'main', topic: target.topic, group: target.group, partition: '0', offset: '0', broker: String(brokerId), job: `job-${run}` });
  const refusal = want.startsWith('refused');
  const before = refusal ? await clusterState() : '';
  const { status, body } = await call(who, route, params, requestFor(route.id, target));
  const where = `${who} ${route.id} on ${target.topic}/${target.group}: ${status} ${JSON.stringify(body ?? '').slice(0, 200)}`;
  switch (want) {
    case 'refused-401':
      assert.equal(status, 401, where);
      break;
    case 'refused-403':
      assert.equal(status, 403, where);
      break;
    case 'ok':
      assert.ok((status >= 200 && status < 300) || (NO_REGISTRY_HERE.has(route.id) && status === 404), where);
      break;
    case 'allowed':
      assert.ok(status !== 401 && status !== 403 && status < 500, where);
      break;
    case 'any':
      assert.ok(status < 500, where);
      break;
  }
  if (refusal) assert.equal(await clusterState(), before, `${where}: the refused request changed the cluster`);
}

describe('permission matrix', () => {
  it('finds the API routes, and every exported method handler declares a permission', () => {
    assert.ok(routes.length >= 30, `only ${routes.length} route handlers found`);
    const undeclared = routes.filter((r) => routePermission(r.handler) === undefined).map((r) => r.id);
    assert.deepEqual(undeclared, [], 'route handlers without a declared permission');
  });

  it('anonymous callers get 401 everywhere except the public sign-in routes', async () => {
    for (const route of routes) await check('anonymous', route, ordersTarget);
  });

  it('the viewer reads everything and is refused (403) every change', async () => {
    for (const route of routes) await check('viewer', route, paymentsTarget);
  });

  it('the orders* user reaches orders topics and their groups, and gets 403 on everything else', async () => {
    for (const route of routes) {
      await check('orders', route, ordersTarget);
      if (scoped(route)) await check('orders', route, paymentsTarget);
    }
  });

  it('the orders* user is refused, not told "not found", for a hidden topic or group that does not exist', async () => {
    const byId = (id: string) => routes.find((r) => r.id === id)!;
    const topic = await call('orders', byId('clusters/[cluster]/topics/[topic] GET'), { cluster: 'main', topic: `payments-missing-${run}` }, {});
    assert.equal(topic.status, 403);
    const mine = await call('orders', byId('clusters/[cluster]/topics/[topic] GET'), { cluster: 'main', topic: `orders-missing-${run}` }, {});
    assert.equal(mine.status, 404);
    const group = await call('orders', byId('clusters/[cluster]/groups/[group] GET'), { cluster: 'main', group: `g-missing-${run}` }, {});
    assert.equal(group.status, 403);
  });

  it('lists show the orders* user only orders topics and the groups on them, restricted to those topics', async () => {
    const byId = (id: string) => routes.find((r) => r.id === id)!;
    const isOrders = (name: string) => name.startsWith('orders');
    const topics = await call('orders', byId('clusters/[cluster]/topics GET'), { cluster: 'main' }, { query: { pageSize: '500', internal: '1' } });
    assert.equal(topics.status, 200);
    const items = (topics.body!.items as { name: string }[]).map((t) => t.name);
    assert.ok(items.includes(orders), 'the orders topic is listed');
    assert.ok(items.every(isOrders), `only orders topics: ${items.join(', ')}`);
    const visibleInCluster = (await admin.listTopics()).filter(isOrders).length;
    assert.equal(topics.body!.totalAll, visibleInCluster, 'totalAll counts visible topics only');
    assert.equal(topics.body!.internalCount, 0, 'internal topics are hidden too');

    const groups = await call('orders', byId('clusters/[cluster]/groups GET'), { cluster: 'main' }, { query: { search: run, pageSize: '500' } });
    assert.equal(groups.status, 200);
    const list = groups.body!.groups as { groupId: string; topics: string[]; totalLag: number | null }[];
    assert.deepEqual(list.map((g) => g.groupId).sort(), [mixedGroup, ordersGroup].sort());
    assert.ok(list.every((g) => g.topics.every(isOrders)), JSON.stringify(list.map((g) => g.topics)));
    assert.equal(groups.body!.clusterTotal, list.length, 'the cluster total counts visible groups only');

    // The mixed group's lag is that of its orders partitions only.
    const detail = byId('clusters/[cluster]/groups/[group] GET');
    const full = await call('admin', detail, { cluster: 'main', group: mixedGroup }, {});
    const limited = await call('orders', detail, { cluster: 'main', group: mixedGroup }, {});
    assert.equal(limited.status, 200);
    const partitions = limited.body!.partitions as { topic: string; lag: number | null }[];
    assert.ok(partitions.length > 0 && partitions.every((p) => p.topic === orders), JSON.stringify(partitions));
    const ordersLag = (full.body!.partitions as { topic: string; lag: number | null }[]).filter((p) => p.topic === orders).reduce((n, p) => n + (p.lag ?? 0), 0);
    assert.equal(limited.body!.totalLag, ordersLag);
    assert.ok((full.body!.totalLag as number) > ordersLag, 'the admin sees the payments lag as well');
    assert.equal((limited.body!.worstPartition as { topic: string } | null)?.topic ?? orders, orders);
    assert.ok((limited.body!.topics as string[]).every(isOrders));

    const history = await call('orders', byId('clusters/[cluster]/groups/[group]/history GET'), { cluster: 'main', group: mixedGroup }, { query: { metrics: 'group.lag', range: '15m' } });
    assert.equal(history.status, 200);
    assert.ok((history.body!.series as { label: string | null }[]).every((s) => s.label !== null && isOrders(s.label)));

    const overview = await call('orders', byId('clusters/[cluster]/overview GET'), { cluster: 'main' }, {});
    assert.equal(overview.status, 200);
    assert.equal((overview.body!.topics as { total: number }).total, visibleInCluster);
    assert.equal((overview.body!.groups as { total: number }).total, 2);

    const broker = await call('orders', byId('clusters/[cluster]/brokers/[broker] GET'), { cluster: 'main', broker: String(brokerId) }, {});
    assert.equal(broker.status, 200);
    const dirTopics = (broker.body!.logDirs as { topics: { name: string }[] }[]).flatMap((d) => d.topics.map((t) => t.name));
    assert.ok(dirTopics.every(isOrders), `largest topics on the broker: ${dirTopics.join(', ')}`);

    const form = await call('orders', byId('clusters/[cluster]/admin/topic-form GET'), { cluster: 'main' }, {});
    assert.equal(form.status, 200);
    assert.ok((form.body!.topicNames as string[]).every(isOrders));
  });

  it('a topic-limited user may change a group only on the topics it may see', async () => {
    const byId = (id: string) => routes.find((r) => r.id === id)!;
    const preview = byId('clusters/[cluster]/groups/[group]/reset-offsets/preview POST');
    const reset = byId('clusters/[cluster]/groups/[group]/reset-offsets POST');
    const remove = byId('clusters/[cluster]/groups/[group] DELETE');
    const removeOffsets = byId('clusters/[cluster]/groups/[group]/offsets DELETE');
    const earliest = { type: 'earliest' };
    const refused = async (route: RouteHandlerEntry, group: string, request: { query?: Record<string, string>; body?: unknown }) => {
      const before = await clusterState();
      const { status, body } = await call('orders-ops', route, { cluster: 'main', group }, request);
      assert.equal(status, 403, `${route.id} on ${group}: ${status} ${JSON.stringify(body)}`);
      assert.equal(await clusterState(), before, `${route.id} on ${group} changed the cluster`);
    };
    await refused(reset, mixedGroup, { body: { scope: { type: 'all' }, strategy: earliest, confirm: true } });
    await refused(preview, mixedGroup, { body: { scope: { type: 'all' }, strategy: earliest } });
    await refused(reset, mixedGroup, { body: { scope: { type: 'topic', topic: payments }, strategy: earliest, confirm: true } });
    await refused(reset, mixedGroup, { body: { scope: { type: 'partitions', partitions: [{ topic: payments, partition: 0 }] }, strategy: earliest, confirm: true } });
    await refused(remove, mixedGroup, { body: { confirm: mixedGroup } });
    await refused(removeOffsets, mixedGroup, { query: { topic: payments }, body: { confirm: payments } });
    await refused(reset, paymentsGroup, { body: { scope: { type: 'all' }, strategy: earliest, confirm: true } });

    const mine = await call('orders-ops', preview, { cluster: 'main', group: mixedGroup }, { body: { scope: { type: 'topic', topic: orders }, strategy: earliest } });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const whole = await call('orders-ops', preview, { cluster: 'main', group: ordersGroup }, { body: { scope: { type: 'all' }, strategy: earliest } });
    assert.equal(whole.status, 200, JSON.stringify(whole.body));
  });

  it('the admin is never refused', async () => {
    for (const route of routes) {
      await check('admin', route, paymentsTarget);
      if (scoped(route)) await check('admin', route, ordersTarget);
    }
  });
});
