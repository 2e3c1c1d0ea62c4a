import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkContentType, checkHost, checkOrigin, isAllowedHost } from '@/lib/server/request-guard';

const config = { allowedHosts: ['kafka.internal', '*.corp.example'], publicUrl: 'https://console.example.com' };
const req = (method: string, headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/x') => new Request(url, { method, headers });

describe('host allowlist', () => {
  it('answers loopback names, IP literals, listed names and the public URL host', () => {
    for (const host of ['localhost:3000', 'app.localhost', '127.0.0.1:3000', '10.1.2.3', '[::1]:3000', 'kafka.internal:8080', 'a.corp.example', 'console.example.com'])
      assert.equal(isAllowedHost(host, config), true, host);
  });

  it('refuses other names (DNS rebinding) with 421', () => {
    for (const host of ['evil.example', 'kafka.internal.evil.example', 'corp.example.evil', 'localhost.evil.example'])
      assert.equal(isAllowedHost(host, config), false, host);
    assert.equal(checkHost(req('GET', { host: 'evil.example' }), config)?.status, 421);
    assert.equal(checkHost(req('GET', { host: '127.0.0.1:3000' }), config), undefined);
  });
});

describe('origin checks', () => {
  it('refuses a state-changing request from another origin or site', () => {
    assert.equal(checkOrigin(req('POST', { origin: 'http://evil.example' }), config)?.code, 'cross_origin');
    assert.equal(checkOrigin(req('POST', { origin: 'null' }), config)?.code, 'cross_origin');
    assert.equal(checkOrigin(req('DELETE', { 'sec-fetch-site': 'cross-site' }), config)?.code, 'cross_origin');
    assert.equal(checkOrigin(req('POST', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:3001' }), config)?.code, 'cross_origin');
  });

  it('refuses reads from another site too (they open broker connections)', () => {
    assert.equal(checkOrigin(req('GET', { 'sec-fetch-site': 'cross-site' }), config)?.status, 403);
  });

  it('accepts the own origin, the public URL, and clients that are not browsers', () => {
    assert.equal(checkOrigin(req('POST', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }), config), undefined);
    assert.equal(checkOrigin(req('POST', { origin: 'https://console.example.com' }), config), undefined);
    assert.equal(checkOrigin(req('POST', {}), config), undefined, 'curl sends neither header');
    assert.equal(checkOrigin(req('GET', { 'sec-fetch-site': 'none' }), config), undefined, 'typed into the address bar');
  });
});

describe('content type', () => {
  it('refuses bodies that are not declared JSON', () => {
    assert.equal(checkContentType(new Request('http://h/', { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))?.status, 415);
    assert.equal(checkContentType(new Request('http://h/', { method: 'POST', body: '{}' }))?.status, 415, 'a string body is text/plain');
    assert.equal(checkContentType(new Request('http://h/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' } }))?.status, 415);
  });

  it('accepts JSON, body-less requests and reads', () => {
    assert.equal(checkContentType(new Request('http://h/', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json; charset=utf-8' } })), undefined);
    assert.equal(checkContentType(new Request('http://h/', { method: 'DELETE' })), undefined);
    assert.equal(checkContentType(new Request('http://h/', { method: 'GET' })), undefined);
  });
});
