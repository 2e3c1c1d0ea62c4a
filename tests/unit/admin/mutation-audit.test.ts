import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { badRequest } from '@/lib/api/errors';
import { call, configureConsole } from './console-env';

// What mutation() writes to the audit log about who asked, and how it masks configs a handler
// names as sensitive (as the topic config handlers do with the broker's isSensitive flags).

const env = configureConsole();
after(() => env.cleanup());

const forged = {
  'x-forwarded-user': 'alice-forged',
  'x-auth-request-user': 'bob-forged',
  'x-forwarded-for': '203.0.113.9, 10.0.0.1',
  'x-real-ip': '198.51.100.7',
};

describe('mutation audit', () => {
  it('ignores forwarding headers when no trusted proxy is configured', async () => {
    const { mutation } = await import('@/lib/server/mutation');
    const handler = mutation<{ cluster: string }>('topics:edit', 'test.origin', async ({ audit }) => {
      audit.target = 'origin-untrusted';
      return { ok: true };
    });
    const { status } = await call(handler, { cluster: 'main' }, new Request('http://127.0.0.1:3000/api', { method: 'POST', headers: forged }));
    assert.equal(status, 200);
    const entry = (await env.readAudit()).find((e) => e.target === 'origin-untrusted');
    assert.ok(entry);
    assert.equal(entry.user, 'anonymous');
    assert.equal(entry.clientAddress, 'unknown');
    assert.doesNotMatch(JSON.stringify(entry), /forged|203\.0\.113\.9|198\.51\.100\.7/);
  });

  it('masks the values of configs the handler names as sensitive, in parameters and in the error', async () => {
    const { mutation } = await import('@/lib/server/mutation');
    // A name no key pattern catches: only the sensitive set can mask it.
    const name = 'custom.plugin.value';
    const handler = mutation<{ cluster: string }>('topics:edit', 'test.configs', async ({ audit }) => {
      audit.target = 'sensitive-wiring';
      audit.parameters = { set: { [name]: 'opensesame-42', 'retention.ms': '60000' } };
      audit.sensitiveConfigs = new Set([name]);
      throw badRequest(`Invalid value opensesame-42 for configuration ${name}`);
    });
    const { status } = await call(handler, { cluster: 'main' }, new Request('http://127.0.0.1:3000/api', { method: 'PATCH' }));
    assert.equal(status, 400);
    const entry = (await env.readAudit()).find((e) => e.target === 'sensitive-wiring');
    assert.ok(entry);
    assert.deepEqual(entry.parameters, { set: { [name]: '[redacted]', 'retention.ms': '60000' } });
    assert.doesNotMatch(JSON.stringify(entry), /opensesame-42/);
    assert.match(entry.error ?? '', /\[redacted\]/);
  });
});
