import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '@/lib/auth/passwords';
import { call, configureConsole, type ConsoleEnv } from '../admin/console-env';

// The route wrapper with sign-in configured: who gets in, what they may do, how sessions are
// kept alive, and what the audit log says about refusals. No Kafka: the handlers are stand-ins.

const SECRET = 'unit-test-session-secret-of-enough-length';
let env: ConsoleEnv;
const url = 'http://127.0.0.1:3000/api/clusters/main/topics/orders-1';

before(async () => {
  process.env.CONSOLE_METRICS_TOKEN = 'scrape-token-1234567890';
  const hash = await hashPassword('pw');
  env = configureConsole({
    extraYaml: [
      'auth:',
      `  sessionSecret: "${SECRET}"`,
      '  users:',
      `    - { username: alice, passwordHash: "${hash}", roles: [admin] }`,
      `    - { username: olga, passwordHash: "${hash}", roles: [orders] }`,
      '  roles:',
      '    - { name: orders, topics: ["orders*"], actions: [view] }',
    ].join('\n'),
  });
});
after(() => env.cleanup());

async function cookieFor(name: string, seenSecondsAgo = 0): Promise<string> {
  const { newSession, signSession, nowSeconds } = await import('@/lib/auth/session');
  const { appConfig } = await import('@/lib/kafka/clusters');
  const { auth } = await appConfig();
  const session = newSession(auth, { name, method: 'local' }, nowSeconds() - seenSecondsAgo);
  return `console_session=${await signSession(auth, session)}`;
}

async function viewRoute() {
  const { route } = await import('@/lib/server/route');
  return route<{ cluster: string; topic: string }>('view', async ({ principal }) => ({ who: principal.name }));
}

describe('route wrapper with sign-in', () => {
  it('a request without a session is a 401', async () => {
    const { status, body } = await call(await viewRoute(), { cluster: 'main', topic: 'orders-1' }, new Request(url));
    assert.equal(status, 401);
    assert.equal(body.code, 'unauthenticated');
  });

  it('a forged or foreign-secret cookie is a 401', async () => {
    const real = await cookieFor('alice');
    const forged = real.slice(0, -4) + 'AAAA';
    const { status } = await call(await viewRoute(), { cluster: 'main', topic: 'orders-1' }, new Request(url, { headers: { cookie: forged } }));
    assert.equal(status, 401);
  });

  it('the permission is checked against the route topic: 403 naming it, 200 when allowed', async () => {
    const handler = await viewRoute();
    const cookie = await cookieFor('olga');
    const allowed = await call(handler, { cluster: 'main', topic: 'orders-1' }, new Request(url, { headers: { cookie } }));
    assert.equal(allowed.status, 200);
    const denied = await call(handler, { cluster: 'main', topic: 'payments' }, new Request(url, { headers: { cookie } }));
    assert.equal(denied.status, 403);
    assert.match(denied.body.message ?? '', /view permission on topic "payments"/);
  });

  it('a mutation the role lacks is refused before the handler runs, and audited with the user', async () => {
    const { mutation } = await import('@/lib/server/mutation');
    let ran = false;
    const handler = mutation<{ cluster: string; topic: string }>('topics:delete', 'topic.delete', async () => {
      ran = true;
      return {};
    });
    const cookie = await cookieFor('olga');
    const { status } = await call(handler, { cluster: 'main', topic: 'orders-1' }, new Request(url, { method: 'DELETE', headers: { cookie } }));
    assert.equal(status, 403);
    assert.equal(ran, false);
    const entry = (await env.readAudit()).find((e) => e.action === 'topic.delete' && e.outcome === 'refused');
    assert.equal(entry?.user, 'olga');
  });

  it('a removed user is signed out even with a valid cookie', async () => {
    const cookie = await cookieFor('mallory');
    const { status } = await call(await viewRoute(), { cluster: 'main', topic: 'orders-1' }, new Request(url, { headers: { cookie } }));
    assert.equal(status, 401);
  });

  it('an idle-but-valid session gets a fresh cookie; a recent one does not', async () => {
    const handler = await viewRoute();
    const stale = await handler(new Request(url, { headers: { cookie: await cookieFor('alice', 120) } }), { params: Promise.resolve({ cluster: 'main', topic: 'orders-1' }) });
    assert.equal(stale.status, 200);
    assert.match(stale.headers.get('set-cookie') ?? '', /^console_session=.+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const fresh = await handler(new Request(url, { headers: { cookie: await cookieFor('alice') } }), { params: Promise.resolve({ cluster: 'main', topic: 'orders-1' }) });
    assert.equal(fresh.headers.get('set-cookie'), null);
  });
});

describe('sign-in route', () => {
  const login = async (username: string, password: string) => {
    const { POST } = await import('@/app/api/auth/login/route');
    return POST(new Request('http://127.0.0.1:3000/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }), { params: Promise.resolve({}) });
  };

  it('sets an HttpOnly session cookie for the right password', async () => {
    const response = await login('alice', 'pw');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('set-cookie') ?? '', /console_session=.*HttpOnly; SameSite=Lax/);
  });

  it('answers the same for an unknown user and a wrong password, after a delay', async () => {
    const started = Date.now();
    const wrong = await login('alice', 'nope');
    const unknown = await login('nobody', 'nope');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(await wrong.json(), await unknown.json());
    assert.ok(Date.now() - started >= 700, 'each failure waits');
  });

  it('locks a username out after repeated failures, with a 429', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await login('olga', `guess-${i}`);
    assert.equal(last?.status, 429);
    assert.equal((await login('olga', 'pw')).status, 429, 'even the right password while locked');
    const entries = await env.readAudit();
    assert.ok(entries.some((e) => e.action === 'auth.sign-in' && e.user === 'olga' && e.outcome === 'refused'));
    assert.ok(entries.filter((e) => e.action === 'auth.sign-in' && e.outcome === 'failure').length >= 10);
  });
});

describe('metrics token', () => {
  it('without a session or the token /api/metrics is a 401; a wrong token too', async () => {
    const { GET } = await import('@/app/api/metrics/route');
    const none = await call(GET, {}, new Request('http://127.0.0.1:3000/api/metrics'));
    assert.equal(none.status, 401);
    const wrong = await call(GET, {}, new Request('http://127.0.0.1:3000/api/metrics', { headers: { authorization: 'Bearer scrape-token-0000000000' } }));
    assert.equal(wrong.status, 401);
  });

  it('the token reads the exposition (the cluster here is unreachable, and says so)', async () => {
    const { GET } = await import('@/app/api/metrics/route');
    const response = await GET(new Request('http://127.0.0.1:3000/api/metrics', { headers: { authorization: 'Bearer scrape-token-1234567890' } }), { params: Promise.resolve({}) });
    assert.equal(response.status, 200);
    assert.match(await response.text(), /kafka_console_cluster_up\{cluster="main"\} 0/);
  });
});
