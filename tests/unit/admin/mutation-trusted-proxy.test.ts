import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { call, configureConsole } from './console-env';

// With `trustProxy: true` the proxy's headers name the user and the client address in the audit.

const env = configureConsole({ trustProxy: true });
after(() => env.cleanup());

describe('mutation audit behind a trusted proxy', () => {
  it('records the forwarded user and the first forwarded address', async () => {
    const { mutation } = await import('@/lib/server/mutation');
    const handler = mutation<{ cluster: string }>('topics:edit', 'test.origin', async ({ audit }) => {
      audit.target = 'origin-trusted';
      return { ok: true };
    });
    const headers = { 'x-forwarded-user': 'alice', 'x-forwarded-for': '203.0.113.9, 10.0.0.1' };
    const { status } = await call(handler, { cluster: 'main' }, new Request('http://127.0.0.1:3000/api', { method: 'POST', headers }));
    assert.equal(status, 200);
    const entry = (await env.readAudit()).find((e) => e.target === 'origin-trusted');
    assert.equal(entry?.user, 'alice');
    assert.equal(entry?.clientAddress, '203.0.113.9');
  });

  it('falls back to x-auth-request-user and x-real-ip', async () => {
    const { mutation } = await import('@/lib/server/mutation');
    const handler = mutation<{ cluster: string }>('topics:edit', 'test.origin', async ({ audit }) => {
      audit.target = 'origin-trusted-2';
      return null;
    });
    const headers = { 'x-auth-request-user': 'bob', 'x-real-ip': '198.51.100.7' };
    await call(handler, { cluster: 'main' }, new Request('http://127.0.0.1:3000/api', { method: 'POST', headers }));
    const entry = (await env.readAudit()).find((e) => e.target === 'origin-trusted-2');
    assert.equal(entry?.user, 'bob');
    assert.equal(entry?.clientAddress, '198.51.100.7');
  });
});
