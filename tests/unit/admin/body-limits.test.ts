import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { z } from 'zod';
import { call, configureConsole } from './console-env';

// Request bodies are capped in bytes while they stream in: a declared content-length over the cap
// is refused before reading, an undeclared one as soon as it passes it; neither is ever a 500.

const env = configureConsole();
after(() => env.cleanup());

const MB = 1024 * 1024;
const url = 'http://127.0.0.1:3000/api';

/** A body of `chunks` pieces of 1 MB, generated lazily; `pulled` counts what was actually read. */
function endlessBody(chunks: number) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= chunks) return controller.close();
      stats.pulled++;
      controller.enqueue(new Uint8Array(MB).fill(0x20));
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

const streamed = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);
const json = { 'content-type': 'application/json' };

describe('parseBody', () => {
  const schema = z.object({ a: z.number() });

  it('parses a body within the cap', async () => {
    const { parseBody } = await import('@/lib/server/route');
    assert.deepEqual(await parseBody(new Request(url, { method: 'POST', body: '{"a":1}' }), schema), { a: 1 });
  });

  it('counts bytes, not characters', async () => {
    const { parseBody } = await import('@/lib/server/route');
    const body = JSON.stringify({ a: 1, s: 'é'.repeat(60) }); // 70 characters, 130 bytes
    assert.ok(body.length <= 100);
    await assert.rejects(parseBody(new Request(url, { method: 'POST', body }), schema, { maxBytes: 100 }), { status: 413 });
  });

  it('refuses a declared content-length over the cap without reading the body', async () => {
    const { parseBody } = await import('@/lib/server/route');
    const { stream, stats } = endlessBody(1);
    const request = streamed(stream, { 'content-length': String(20 * MB) });
    await assert.rejects(parseBody(request, schema), { status: 413, code: 'payload_too_large' });
    assert.equal(request.bodyUsed, false);
    assert.equal(stats.pulled <= 1, true);
  });

  it('stops reading an undeclared body as soon as it passes the cap', async () => {
    const { parseBody } = await import('@/lib/server/route');
    const { stream, stats } = endlessBody(1000);
    await assert.rejects(parseBody(streamed(stream), schema, { maxBytes: 3 * MB }), { status: 413 });
    assert.ok(stats.pulled <= 6, `read ${stats.pulled} MB of a 1000 MB body`);
    assert.equal(stats.cancelled, true);
  });

  it('malformed JSON is a 400', async () => {
    const { parseBody } = await import('@/lib/server/route');
    await assert.rejects(parseBody(new Request(url, { method: 'POST', body: '{"a":' }), schema), { status: 400, code: 'bad_request' });
  });
});

describe('routes with bodies', () => {
  it('POST topics: oversized with and without content-length is a 413, malformed JSON a 400', async () => {
    const { POST } = await import('@/app/api/clusters/[cluster]/topics/route');
    const declared = await call(POST, { cluster: 'main' }, streamed(endlessBody(1).stream, { 'content-length': String(11 * MB) }));
    assert.equal(declared.status, 413, JSON.stringify(declared.body));
    const undeclared = await call(POST, { cluster: 'main' }, streamed(endlessBody(20).stream));
    assert.equal(undeclared.status, 413, JSON.stringify(undeclared.body));
    const malformed = await call(POST, { cluster: 'main' }, new Request(url, { method: 'POST', body: '{"name": "x",', headers: json }));
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.code, 'bad_request');
  });

  it('POST produce without ?topic=: capped by limits.produceMaxBytes, through the same reader', async () => {
    const { POST } = await import('@/app/api/clusters/[cluster]/produce/route');
    const declared = await call(POST, { cluster: 'main' }, streamed(endlessBody(1).stream, { 'content-length': String(65 * MB) }));
    assert.equal(declared.status, 413);
    assert.match(declared.body.message ?? '', /CONSOLE_PRODUCE_MAX_BYTES/);
    const body = endlessBody(12);
    const undeclared = await call(POST, { cluster: 'main' }, streamed(body.stream));
    assert.equal(undeclared.status, 413);
    assert.ok(body.stats.pulled <= 8, `read ${body.stats.pulled} MB of a body capped at 4 MB`);
    // Under the cap: read in full, then refused for its (invalid) content.
    const small = await call(POST, { cluster: 'main' }, streamed(endlessBody(3).stream));
    assert.equal(small.status, 400);
    const malformed = await call(POST, { cluster: 'main' }, new Request(url, { method: 'POST', body: 'not json', headers: json }));
    assert.equal(malformed.status, 400);
  });

  it('the audit log records the refusals as failures', async () => {
    const entries = await env.readAudit();
    assert.ok(entries.some((e) => e.action === 'topic.create' && e.outcome === 'failure' && /larger than 10 MB/.test(e.error ?? '')));
  });
});
