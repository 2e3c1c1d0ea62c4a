import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newSession, signSession, touched, verifySession } from '@/lib/auth/session';
import type { AuthConfig } from '@/lib/config/schema';

const auth: AuthConfig = {
  mode: 'sign-in',
  explicitNone: false,
  sessionSecret: 'a'.repeat(40),
  idleTimeoutMinutes: 30,
  maxSessionHours: 8,
  users: [],
  roles: [],
};
const t0 = 1_800_000_000;

describe('sessions', () => {
  it('round-trips through a signed token', async () => {
    const token = await signSession(auth, newSession(auth, { name: 'alice', method: 'oidc', roles: ['admin'] }, t0));
    const session = await verifySession(auth, token, t0 + 10);
    assert.equal(session?.name, 'alice');
    assert.deepEqual(session?.roles, ['admin']);
    assert.equal(session?.expiresAt, t0 + 8 * 3600);
  });

  it('refuses a token signed with another secret or altered', async () => {
    const token = await signSession(auth, newSession(auth, { name: 'alice', method: 'local' }, t0));
    assert.equal(await verifySession({ ...auth, sessionSecret: 'b'.repeat(40) }, token, t0), undefined);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), name: 'mallory' })).toString('base64url');
    assert.equal(await verifySession(auth, `${h}.${forged}.${s}`, t0), undefined);
  });

  it('ends after the idle timeout unless touched, and at the absolute end regardless', async () => {
    const session = newSession(auth, { name: 'alice', method: 'local' }, t0);
    const token = await signSession(auth, session);
    assert.equal(await verifySession(auth, token, t0 + 31 * 60), undefined, 'idle');
    const later = touched(session, t0 + 29 * 60);
    assert.ok(later);
    const refreshed = await signSession(auth, later);
    assert.ok(await verifySession(auth, refreshed, t0 + 50 * 60), 'touched sessions slide');
    let s = session;
    for (let t = t0; t < t0 + 9 * 3600; t += 20 * 60) s = touched(s, t) ?? s;
    assert.equal(await verifySession(auth, await signSession(auth, s), t0 + 8 * 3600 + 1), undefined, 'absolute');
  });

  it('is not re-signed on every request', () => {
    const session = newSession(auth, { name: 'alice', method: 'local' }, t0);
    assert.equal(touched(session, t0 + 30), undefined);
    assert.ok(touched(session, t0 + 61));
  });
});
