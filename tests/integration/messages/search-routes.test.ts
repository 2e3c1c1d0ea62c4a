import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { searchEvent, tailEvent, type Message, type SearchEvent, type TailEvent } from '@/lib/api/messages';
import { callRoute } from '@/tests/support/console';
import { expectNothingFor } from '@/tests/support/wait';
import { callRaw, readNdjson, readSse, sseReader, startMessagesTest, type MessagesTest } from './support';

// Search (NDJSON stream) and live tail (server-sent events) through the route handlers.

type Done = Extract<SearchEvent, { type: 'done' }>;

describe('messages: search and tail routes', () => {
  let t: MessagesTest;
  let searchRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
  let tailRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');

  const search = async (topic: string, query: Record<string, string>) => {
    const response = await callRaw(searchRoute.GET, { cluster: 'main', topic }, { query });
    assert.equal(response.status, 200, await response.clone().text());
    assert.match(response.headers.get('content-type')!, /ndjson/);
    const events = await readNdjson<SearchEvent>(response);
    for (const event of events) searchEvent.parse(event);
    const done = events.find((e): e is Done => e.type === 'done');
    assert.ok(done, `a done line in ${JSON.stringify(events.slice(-2))}`);
    const messages = events.filter((e) => e.type === 'message').map((e) => (e as { message: Message }).message);
    return { events, done, messages };
  };

  before(async () => {
    t = await startMessagesTest();
    searchRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
    tailRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');
    await t.admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 1 }, { topic: 'live', numPartitions: 2, replicationFactor: 1 }] });
    const messages = Array.from({ length: 3000 }, (_, i) => ({
      partition: i % 3,
      key: `user-${i % 50}`,
      value: JSON.stringify({ id: i, amount: i % 200, status: i % 7 === 0 ? 'PAID' : 'NEW', note: i === 1234 ? 'the needle' : 'hay' }),
      headers: { 'trace-id': `t-${i}` },
    }));
    for (let i = 0; i < messages.length; i += 500) await t.producer.send({ topic: 'orders', messages: messages.slice(i, i + 500) });
  });

  after(() => t.close());

  it('finds a needle by value and says how much it scanned', async () => {
    const { events, done, messages } = await search('orders', { start: 'earliest', order: 'asc', value: 'the needle' });
    assert.equal(messages.length, 1);
    assert.equal(JSON.parse(messages[0].value!.data).id, 1234);
    assert.equal(done.reason, 'complete');
    assert.equal(done.scanned, 3000);
    assert.equal(done.total, 3000);
    assert.equal(done.matched, 1);
    assert.equal(done.cursor, null);
    assert.equal(events[0].type, 'start');
    assert.equal((events[0] as { total: number }).total, 3000);
  });

  it('searches keys, headers and regexes, case-insensitively when asked', async () => {
    assert.equal((await search('orders', { start: 'earliest', key: 'user-7', keyMode: 'equals', limit: '10000' })).messages.length, 60);
    assert.equal((await search('orders', { start: 'earliest', key: '^USER-4\\d$', keyMode: 'regex', ignoreCase: 'true', limit: '10000' })).messages.length, 600);
    const header = await search('orders', { start: 'earliest', header: 'trace-id', headerValue: 't-2999', headerMode: 'equals' });
    assert.deepEqual(header.messages.map((m) => m.headers[0].value?.data), ['t-2999']);
    assert.equal((await search('orders', { start: 'earliest', value: 'THE NEEDLE', ignoreCase: '1' })).messages.length, 1);
    assert.equal((await search('orders', { start: 'earliest', value: 'THE NEEDLE' })).messages.length, 0);
  });

  it('filters parsed JSON with the expression language', async () => {
    const { messages, done } = await search('orders', { start: 'earliest', filter: 'value.amount > 190 && value.status == "PAID"', limit: '10000' });
    const expected = Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 200 > 190 && i % 7 === 0);
    assert.deepEqual(messages.map((m) => JSON.parse(m.value!.data).id).sort((a, b) => a - b), expected);
    assert.equal(done.matched, expected.length);
  });

  it('stops at the match limit with a cursor that continues exactly', async () => {
    const first = await search('orders', { start: 'earliest', partitions: '0', value: '"PAID"', limit: '5' });
    assert.equal(first.done.reason, 'limit');
    assert.equal(first.messages.length, 5);
    assert.ok(first.done.cursor);
    const rest = await search('orders', { cursor: first.done.cursor!, value: '"PAID"', limit: '10000' });
    const all = await search('orders', { start: 'earliest', partitions: '0', value: '"PAID"', limit: '10000' });
    assert.deepEqual([...first.messages, ...rest.messages].map((m) => m.offset), all.messages.map((m) => m.offset));
  });

  it('stops at the scan cap and reports it', async () => {
    const { done } = await search('orders', { start: 'earliest', value: 'no such thing', scanCap: '1000' });
    assert.equal(done.reason, 'scan-cap');
    assert.equal(done.scanned, 1000);
    assert.ok(done.cursor);
  });

  it('searches newest first', async () => {
    const { messages, done } = await search('orders', { start: 'latest', order: 'desc', partitions: '1', value: '"PAID"', limit: '3' });
    assert.equal(done.reason, 'limit');
    const ids = messages.map((m) => JSON.parse(m.value!.data).id);
    const expected = Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 3 === 1 && i % 7 === 0).reverse().slice(0, 3);
    assert.deepEqual(ids, expected);
    // The partition's 1,000 offsets were read in one slice: all of them count as scanned.
    assert.equal(done.scanned, 1000);
    assert.equal(done.total, 1000);
    const capped = await search('orders', { start: 'latest', order: 'desc', value: 'the needle', scanCap: '600' });
    assert.equal(capped.done.reason, 'scan-cap');
    assert.equal(capped.done.scanned, 600);
    assert.equal(capped.messages.length, 0);
  });

  it('counts every offset a newest-first search read, on every partition', async () => {
    const { messages, done } = await search('orders', { start: 'latest', order: 'desc', value: '"PAID"', limit: '1' });
    assert.equal(done.reason, 'limit');
    assert.equal(messages.length, 1);
    assert.equal(done.matched, 1);
    assert.equal(done.scanned, 3000);
    assert.ok(done.cursor);
  });

  it('refuses bad search input before streaming', async () => {
    const cases: [Record<string, string>, number, string, RegExp][] = [
      [{ value: '(a', valueMode: 'regex' }, 400, 'value', /Missing "\)"/],
      [{ key: '(a)\\1', keyMode: 'regex' }, 400, 'key', /Backreferences/],
      [{ filter: 'value.amount >' }, 400, 'filter', /ends too early/],
      [{ filter: 'process.exit()' }, 400, 'filter', /Unknown name "process"/],
      [{ scanCap: '0' }, 400, 'scanCap', /./],
      [{ start: 'time', time: 'soon' }, 400, 'time', /not a date-time/],
    ];
    for (const [query, status, field, message] of cases) {
      const res = await callRoute<{ message: string; details: { fields: Record<string, string> } }>(searchRoute.GET, { cluster: 'main', topic: 'orders' }, { query });
      assert.equal(res.status, status, JSON.stringify(query));
      assert.ok(res.body.details.fields[field], `${field} in ${JSON.stringify(res.body)}`);
      assert.match(res.body.message, message);
    }
    assert.equal((await callRoute(searchRoute.GET, { cluster: 'main', topic: 'nope' }, {})).status, 404);
  });

  it('stops fetching when the browser goes away', async () => {
    // 40 MB in one partition: a full scan needs at least five 8 MB fetches.
    await t.admin.createTopics({ topics: [{ topic: 'big', numPartitions: 1, replicationFactor: 1 }] });
    const value = 'x'.repeat(100_000);
    for (let i = 0; i < 400; i += 8) {
      await t.producer.send({ topic: 'big', messages: Array.from({ length: 8 }, () => ({ value })) });
    }
    const { TopicReader } = await import('@/lib/kafka/messages/topic-reader');
    const original = TopicReader.prototype.fetch;
    let fetches = 0;
    TopicReader.prototype.fetch = function (...args) {
      fetches++;
      return original.apply(this, args);
    };
    try {
      const controller = new AbortController();
      const response = await callRaw(searchRoute.GET, { cluster: 'main', topic: 'big' }, { query: { start: 'earliest', value: 'never there' }, signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      await reader.cancel().catch(() => undefined);
      const atAbort = fetches;
      // The scan stopping is seen only as fetches that do not come: a bounded window in which at
      // most the one already under way may.
      await expectNothingFor(500, { what: () => `fetches going on after the abort (${atAbort} -> ${fetches})`, happened: () => fetches > atAbort + 1 });
      assert.ok(fetches <= atAbort + 1, `fetches went on after the abort: ${atAbort} -> ${fetches}`);
      assert.ok(fetches < 5, `the scan was cut short (${fetches} fetches)`);
    } finally {
      TopicReader.prototype.fetch = original;
    }
  });

  it('tails new messages as server-sent events, with the search terms', async () => {
    const controller = new AbortController();
    const response = await callRaw(tailRoute.GET, { cluster: 'main', topic: 'live' }, { query: { value: 'wanted' }, signal: controller.signal });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /text\/event-stream/);
    const reader = sseReader<TailEvent>(response);
    const started = Date.now();
    let events: TailEvent[];
    try {
      // The tail reads from the ends it found before saying it is ready: produce after that.
      await reader.next((evs) => evs.some((e) => e.type === 'ready'), 5000);
      await t.producer.send({ topic: 'live', messages: [{ partition: 1, value: 'not this one' }, { partition: 1, value: 'wanted 1' }] });
      await t.producer.send({ topic: 'live', messages: [{ partition: 0, value: 'wanted 0' }] });
      events = await reader.next((evs) => evs.flatMap((e) => (e.type === 'messages' ? e.messages : [])).length >= 2, 5000);
    } finally {
      controller.abort();
      await reader.cancel();
    }
    for (const event of events) tailEvent.parse(event);
    assert.equal(events[0].type, 'ready');
    const values = events.flatMap((e) => (e.type === 'messages' ? e.messages : [])).map((m) => m.value!.data).sort();
    assert.deepEqual(values, ['wanted 0', 'wanted 1']);
    assert.ok(Date.now() - started < 3000, `arrived in ${Date.now() - started} ms`);
  });

  it('tails the partitions of a list written with spaces, as search reads it', async () => {
    const controller = new AbortController();
    const response = await callRaw(tailRoute.GET, { cluster: 'main', topic: 'live' }, { query: { partitions: '0, 1' }, signal: controller.signal });
    if (response.status !== 200) assert.fail(`${response.status}: ${await response.text()}`);
    const events = await readSse<TailEvent>(response, (evs) => evs.length >= 1, 5000);
    controller.abort();
    assert.equal(events[0].type, 'ready');
    assert.deepEqual((events[0] as Extract<TailEvent, { type: 'ready' }>).partitions.map((r) => r.partition), [0, 1]);
  });

  it('refuses a bad tail filter, and an unknown partition', async () => {
    assert.equal((await callRoute(tailRoute.GET, { cluster: 'main', topic: 'live' }, { query: { filter: '==' } })).status, 400);
    assert.equal((await callRoute(tailRoute.GET, { cluster: 'main', topic: 'live' }, { query: { partitions: '5' } })).status, 404);
  });

  it('searching and tailing created no consumer group', async () => {
    assert.deepEqual((await t.admin.listGroups()).groups, []);
  });
});
