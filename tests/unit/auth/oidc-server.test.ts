import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { oidcSchema } from '@/lib/config/schema';
import { ProviderUnreachable, providerConfiguration, redirectTo, withFinalHeaders } from '@/lib/server/oidc';

/** A loopback server answering discovery for itself; counts how often it was asked. */
async function fakeProvider(failFirst = 0): Promise<{ issuer: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url !== '/.well-known/openid-configuration' || hits <= failFirst) return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, response_types_supported: ['code'] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, hits: () => hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('providerConfiguration', () => {
  it('discovers a loopback http provider once and reuses the result', async () => {
    const provider = await fakeProvider();
    try {
      const oidc = oidcSchema.parse({ issuer: provider.issuer, clientId: 'console', clientSecret: 'secret' });
      const [a, b] = await Promise.all([providerConfiguration(oidc), providerConfiguration(oidc)]);
      assert.equal(a, b);
      assert.equal(a.serverMetadata().token_endpoint, `${provider.issuer}/token`);
      assert.equal(await providerConfiguration(oidc), a);
      assert.equal(provider.hits(), 1);
    } finally {
      await provider.close();
    }
  });

  it('reports an unreachable provider as a 503', async () => {
    const provider = await fakeProvider();
    await provider.close();
    const oidc = oidcSchema.parse({ issuer: provider.issuer, clientId: 'console-unreachable' });
    await assert.rejects(providerConfiguration(oidc), (error: unknown) => error instanceof ProviderUnreachable && error.toApiError().status === 503);
  });

  it('does not keep a failed discovery: the next sign-in asks again', async () => {
    const provider = await fakeProvider(1);
    try {
      const oidc = oidcSchema.parse({ issuer: provider.issuer, clientId: 'console-retry' });
      await assert.rejects(providerConfiguration(oidc), ProviderUnreachable);
      assert.equal((await providerConfiguration(oidc)).serverMetadata().issuer, provider.issuer);
      assert.equal(provider.hits(), 2);
    } finally {
      await provider.close();
    }
  });
});

describe('withFinalHeaders', () => {
  it('keeps the sign-in cookies as they are: nothing can be added after them', () => {
    const response = withFinalHeaders(redirectTo('/clusters', ['a=1; Path=/', 'console_session=new; Path=/']));
    assert.throws(() => response.headers.append('set-cookie', 'console_session=old; Path=/'), TypeError);
    assert.throws(() => response.headers.set('set-cookie', 'console_session=old; Path=/'), TypeError);
    assert.deepEqual(response.headers.getSetCookie(), ['a=1; Path=/', 'console_session=new; Path=/']);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/clusters');
    // Next.js copies the headers of a route's response; the copy must carry them all.
    assert.deepEqual(new Headers(response.headers).getSetCookie(), ['a=1; Path=/', 'console_session=new; Path=/']);
  });
});
