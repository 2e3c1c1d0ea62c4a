import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { BrowseResult, Message, SearchEvent, TailEvent } from '@/lib/api/messages';
import { callRoute } from '@/tests/support/console';
import { watchParkedFetches } from '@/tests/support/parked-fetches';
import { waitFor } from '@/tests/support/wait';
import { callRaw, sseReader, startMessagesTest, type MessagesTest } from './support';

// What a caller sends cannot make the server hold unbounded memory or connections: a browse page
// stops at its byte budget and continues by cursor; message reads and live tails are counted per
// user and per cluster (429 beyond, the slot given back when the read or stream ends); a produce
// body is capped by the topic's max.message.bytes before it is read; a slow search reader pauses
// the scan and still gets every match; a tail that cannot deliver says how much it skipped.

const KiB = 1024;
const BROWSE_BUDGET = 1024 * KiB;
process.env.CONSOLE_BROWSE_MAX_BYTES = String(BROWSE_BUDGET);
process.env.CONSOLE_READS_PER_USER = '3';
process.env.CONSOLE_TAILS_PER_USER = '2';
process.env.CONSOLE_TAILS_PER_CLUSTER = '3';

const MB = 1024 * 1024;
const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lazily generated body of `chunks` pieces of 1 MB; `pulled` counts what the server read. */
function lazyBody(chunks: number) {
  const stats = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= chunks) return controller.close();
      stats.pulled++;
      controller.enqueue(new Uint8Array(MB).fill(0x61));
    },
  });
  return { stream, stats };
}

/** Reads NDJSON lines from a body, pausing `pauseMs` after every `every` chunks. */
async function readSlowly(response: Response, every: number, pauseMs: number): Promise<SearchEvent[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let n = 1; ; n++) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (n % every === 0) await sleep(pauseMs);
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SearchEvent);
}

describe('messages: limits on memory and connections', () => {
  let t: MessagesTest;
  let browseRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
  let oneRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/[partition]/[offset]/route');
  let searchRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
  let tailRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');
  let produceRoute: typeof import('@/app/api/clusters/[cluster]/produce/route');
  let concurrency: typeof import('@/lib/server/concurrency');

  const browse = (topic: string, query: Record<string, string>) =>
    callRoute<BrowseResult & { code?: string; message?: string }>(browseRoute.GET, { cluster: 'main', topic }, { query });

  before(async () => {
    t = await startMessagesTest();
    browseRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
    oneRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/[partition]/[offset]/route');
    searchRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
    tailRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');
    produceRoute = await import('@/app/api/clusters/[cluster]/produce/route');
    concurrency = await import('@/lib/server/concurrency');
    await t.admin.createTopics({
      topics: [
        { topic: 'big', numPartitions: 3, replicationFactor: 1 },
        { topic: 'many', numPartitions: 2, replicationFactor: 1 },
        { topic: 'firehose', numPartitions: 1, replicationFactor: 1 },
        { topic: 'spread', numPartitions: 3, replicationFactor: 1 },
        { topic: 'small-limit', numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: '100000' }] },
      ],
      waitForLeaders: true,
    });
    // big: 40 messages of 128 KiB, one per produce (a batch must stay under max.message.bytes).
    for (let i = 0; i < 40; i++) {
      await t.producer.send({ topic: 'big', messages: [{ partition: i % 3, key: `k${i}`, value: `${String(i).padStart(4, '0')}${'x'.repeat(128 * KiB - 4)}` }] });
    }
    // many: 1,520 matching messages of 16 KiB (25 MB of NDJSON), and some that do not match.
    for (let i = 0; i < 1600; i += 50) {
      await t.producer.send({
        topic: 'many',
        messages: Array.from({ length: 50 }, (_, j) => ({ partition: (i + j) % 2, value: `${(i + j) % 20 < 19 ? 'match' : 'other'}-${i + j}-${'y'.repeat(16 * KiB)}` })),
      });
    }
  });

  after(() => t.close());

  it('stops a browse page at its byte budget, says so, and its cursors go on to every message exactly once', async () => {
    const first = await browse('big', { start: 'earliest', order: 'asc', limit: '100' });
    assert.equal(first.status, 200, JSON.stringify(first.body).slice(0, 300));
    assert.ok(first.body.messages.length > 1 && first.body.messages.length < 40, `${first.body.messages.length} messages on the first page`);
    assert.deepEqual(first.body.truncated && { reason: first.body.truncated.reason, maxBytes: first.body.truncated.maxBytes }, { reason: 'max-bytes', maxBytes: BROWSE_BUDGET });
    assert.ok(first.body.truncated!.bytes <= BROWSE_BUDGET);
    assert.ok(JSON.stringify(first.body).length < BROWSE_BUDGET * 1.1, `the page is ${JSON.stringify(first.body).length} bytes`);
    const seen: Message[] = [...first.body.messages];
    let cursor = first.body.cursor;
    let pages = 1;
    while (cursor) {
      const next = await browse('big', { cursor, order: 'asc', limit: '100' });
      assert.equal(next.status, 200);
      seen.push(...next.body.messages);
      cursor = next.body.cursor;
      if (cursor) assert.equal(next.body.truncated?.reason, 'max-bytes');
      assert.ok(++pages < 20);
    }
    const order = seen.map((m) => Number(m.value!.data.slice(0, 4)));
    assert.deepEqual(order, Array.from({ length: 40 }, (_, i) => i), 'each message once, oldest first');
    assert.ok(pages >= 3, `${pages} pages`);

    // Newest first: the same budget, the same exactness.
    const desc = await browse('big', { start: 'latest', order: 'desc', limit: '100' });
    assert.equal(desc.body.truncated?.reason, 'max-bytes');
    assert.deepEqual(desc.body.messages.map((m) => Number(m.value!.data.slice(0, 4))), Array.from({ length: desc.body.messages.length }, (_, i) => 39 - i));
  });

  it('refuses a message read past the per-user limit with 429, and takes it again once a read ends', async () => {
    // Three searches whose output (2.5 MB) exceeds what waits for an unread body: they pause and hold their slots.
    const controllers = [new AbortController(), new AbortController(), new AbortController()];
    const held = await Promise.all(controllers.map((c) => callRaw(searchRoute.GET, { cluster: 'main', topic: 'big' }, { query: { start: 'earliest' }, signal: c.signal })));
    try {
      for (const response of held) assert.equal(response.status, 200);
      assert.equal(concurrency.slotsInUse('read', { user: 'anonymous' }), 3);
      const refused = await browse('big', { start: 'earliest', limit: '1' });
      assert.equal(refused.status, 429);
      assert.equal(refused.body.code, 'too_many_requests');
      assert.match(refused.body.message ?? '', /already have 3 message reads .*CONSOLE_READS_PER_USER/);
      const one = await callRoute<{ code: string }>(oneRoute.GET, { cluster: 'main', topic: 'big', partition: '0', offset: '0' });
      assert.equal(one.status, 429);
      controllers[0].abort();
      await waitFor(() => concurrency.slotsInUse('read', { user: 'anonymous' }) === 2, { timeoutMs: 5_000, what: 'the aborted search to give its slot back' });
      assert.equal((await browse('big', { start: 'earliest', limit: '1' })).status, 200);
    } finally {
      for (const c of controllers) c.abort();
    }
    await waitFor(() => concurrency.slotsInUse('read', { user: 'anonymous' }) === 0, { timeoutMs: 5_000, what: 'every slot back' });
  });

  it('refuses a slot past the per-cluster limit, naming the cluster', async () => {
    const slots = [await concurrency.acquireSlot('tail', 'main', 'alice'), await concurrency.acquireSlot('tail', 'main', 'alice'), await concurrency.acquireSlot('tail', 'main', 'bob')];
    try {
      await assert.rejects(concurrency.acquireSlot('tail', 'main', 'carol'), (e: Error & { status?: number }) => e.status === 429 && /Cluster "main" already serves 3 live tails/.test(e.message));
      await assert.rejects(concurrency.acquireSlot('tail', 'other', 'alice'), (e: Error & { status?: number }) => e.status === 429 && /You already have 2 live tails/.test(e.message));
      assert.ok(await concurrency.acquireSlot('tail', 'other', 'bob'));
    } finally {
      for (const s of slots) s.release();
    }
  });

  it('limits live tails per user with 429, gives the slot back when a tail ends, and opens one connection per leader', async () => {
    const before = sockets();
    const controllers = [new AbortController(), new AbortController()];
    const open = [];
    const parked = watchParkedFetches(t.console.cluster);
    for (const c of controllers) {
      const response = await callRaw(tailRoute.GET, { cluster: 'main', topic: 'spread' }, { signal: c.signal });
      assert.equal(response.status, 200);
      const events = sseReader<TailEvent>(response);
      await events.next((e) => e.some((x) => x.type === 'ready'));
      open.push(events);
    }
    try {
      // 3 partitions on 3 leaders: 3 connections per tail (both of their ends are in this process),
      // counted once both tails long-poll every leader.
      await parked.untilEveryLeaderPolled('spread', controllers.length);
      assert.ok(sockets() - before <= 2 * 3 * 2, `${sockets() - before} sockets for two tails`);
      const refused = await callRoute<{ code: string; message: string }>(tailRoute.GET, { cluster: 'main', topic: 'spread' });
      assert.equal(refused.status, 429);
      assert.equal(refused.body.code, 'too_many_requests');
      assert.match(refused.body.message, /already have 2 live tails/);
      controllers[0].abort();
      await waitFor(() => concurrency.slotsInUse('tail', { user: 'anonymous' }) === 1, { timeoutMs: 5_000, what: 'the aborted tail to give its slot back' });
      const again = new AbortController();
      controllers.push(again);
      const response = await callRaw(tailRoute.GET, { cluster: 'main', topic: 'spread' }, { signal: again.signal });
      assert.equal(response.status, 200);
      // A cancelled body ends the tail too.
      await response.body!.cancel();
      await waitFor(() => concurrency.slotsInUse('tail', { user: 'anonymous' }) === 1, { timeoutMs: 5_000, what: 'the cancelled tail to give its slot back' });
    } finally {
      parked.stop();
      for (const c of controllers) c.abort();
      for (const e of open) await e.cancel();
    }
    await waitFor(() => concurrency.slotsInUse('tail', { cluster: 'main' }) === 0, { timeoutMs: 5_000, what: 'every tail slot back' });
    await waitFor(() => sockets() <= before, { timeoutMs: 5_000, what: () => `the tails' sockets to close (${sockets()} open, ${before} before)` });
  });

  it("refuses a 60 MB produce body by the topic's max.message.bytes before reading it", async () => {
    const body = lazyBody(60);
    const request = new Request('http://127.0.0.1:3000/api?topic=small-limit', {
      method: 'POST',
      body: body.stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    const response = await produceRoute.POST(request, { params: Promise.resolve({ cluster: 'main' }) });
    const answer = (await response.json()) as { code: string; message: string };
    assert.equal(response.status, 413);
    assert.equal(answer.code, 'payload_too_large');
    assert.match(answer.message, /topic "small-limit" accepts messages of at most 100,000 bytes \(max\.message\.bytes = 100000\)/);
    assert.ok(body.stats.pulled <= 3, `the server read ${body.stats.pulled} MB of the body`);

    // A declared length says it at once; a message that fits goes through; the URL and body must agree.
    const declared = await callRoute<{ message: string }>(produceRoute.POST, { cluster: 'main' }, { query: { topic: 'small-limit' }, rawBody: JSON.stringify({ topic: 'small-limit', value: 'z'.repeat(300_000) }) });
    assert.equal(declared.status, 413);
    const fits = await callRoute<{ offset: number }>(produceRoute.POST, { cluster: 'main' }, { query: { topic: 'small-limit' }, body: { topic: 'small-limit', value: 'z'.repeat(90_000) } });
    assert.equal(fits.status, 200, JSON.stringify(fits.body));
    const exact = await callRoute<{ message: string }>(produceRoute.POST, { cluster: 'main' }, { query: { topic: 'small-limit' }, body: { topic: 'small-limit', value: 'z'.repeat(150_000) } });
    assert.equal(exact.status, 413, 'under the body cap but over the topic limit once encoded');
    assert.match(exact.body.message, /accepts at most 100,000 bytes/);
    const mismatch = await callRoute(produceRoute.POST, { cluster: 'main' }, { query: { topic: 'small-limit' }, body: { topic: 'big', value: 'z' } });
    assert.equal(mismatch.status, 400);
  });

  it('gives a slow search reader every match and the done line', async () => {
    const controller = new AbortController();
    const response = await callRaw(searchRoute.GET, { cluster: 'main', topic: 'many' }, { query: { start: 'earliest', value: 'match-', limit: '10000' }, signal: controller.signal });
    assert.equal(response.status, 200);
    // Nothing read for a while: 25 MB of matches would not all wait in the stream, so the scan must pause.
    await sleep(1_500);
    const events = await readSlowly(response, 40, 25);
    const matches = events.filter((e) => e.type === 'message');
    const done = events.find((e) => e.type === 'done');
    assert.equal(matches.length, 1520);
    assert.ok(done && done.type === 'done', `a done line after ${events.length} events`);
    assert.equal(done.matched, 1520);
    assert.equal(done.reason, 'complete');
    assert.equal(done.scanned, 1600);
    assert.ok(!events.some((e) => e.type === 'error'));
  });

  it('gives a slow search client every match and the done line over a real HTTP connection', async () => {
    // The route handler behind node:http, its body written with back-pressure as Next.js does
    // (write, and wait for "drain" when the socket's buffer is full).
    const server: Server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1:3000');
      const controller = new AbortController();
      res.on('close', () => controller.abort());
      const response = await searchRoute.GET(new Request(new URL(`/api${url.search}`, 'http://127.0.0.1:3000'), { signal: controller.signal }), {
        params: Promise.resolve({ cluster: 'main', topic: 'many' }),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (!res.write(chunk)) await once(res, 'drain');
      }
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const text = await new Promise<string>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: '/?start=earliest&value=match-&limit=10000' }, (res) => {
          res.setEncoding('utf8');
          let body = '';
          let chunks = 0;
          res.pause();
          // A client on a slow link: nothing for a while, then small reads with pauses.
          setTimeout(() => res.resume(), 1_500);
          res.on('data', (chunk: string) => {
            body += chunk;
            if (++chunks % 20 === 0) {
              res.pause();
              setTimeout(() => res.resume(), 20);
            }
          });
          res.on('end', () => resolve(body));
          res.on('error', reject);
        }).on('error', reject);
      });
      const events = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as SearchEvent);
      const done = events.find((e) => e.type === 'done');
      assert.equal(events.filter((e) => e.type === 'message').length, 1520);
      assert.ok(done && done.type === 'done' && done.matched === 1520 && done.reason === 'complete', JSON.stringify(events.at(-1)));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('says in the stream how many matches a tail skipped for a browser that did not read', async () => {
    const controller = new AbortController();
    const response = await callRaw(tailRoute.GET, { cluster: 'main', topic: 'firehose' }, { signal: controller.signal });
    const events = sseReader<TailEvent>(response);
    try {
      await events.next((e) => e.some((x) => x.type === 'ready'));
      // 600 messages of 8 KiB (4.8 MB) while the browser reads nothing.
      for (let i = 0; i < 600; i += 50) {
        await t.producer.send({ topic: 'firehose', messages: Array.from({ length: 50 }, (_, j) => ({ value: `f-${i + j}-${'z'.repeat(8 * KiB)}` })) });
      }
      await sleep(1_000);
      const count = (e: TailEvent[]) => e.reduce((n, x) => n + (x.type === 'messages' ? x.messages.length + x.skipped : 0), 0);
      await events.next((e) => count(e) >= 600);
      const skipped = events.events.reduce((n, x) => n + (x.type === 'messages' ? x.skipped : 0), 0);
      assert.equal(count(events.events), 600, 'every message delivered or counted');
      assert.ok(skipped > 0, 'some were skipped, and the stream says how many');
    } finally {
      controller.abort();
      await events.cancel();
    }
  });
});
