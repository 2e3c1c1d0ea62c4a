import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browseResult, type BrowseResult, type Message } from '@/lib/api/messages';
import { callRoute } from '@/tests/support/console';
import { callRaw, startMessagesTest, type MessagesTest } from './support';

// Browsing through the route handlers against the devcluster: exact positions by offset and by
// time, newest-first order, cursors, and every kind of bad input.

type Routes = {
  browse: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
  one: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/[partition]/[offset]/route');
};

// Recent timestamps: retention (7 days by default) would delete older ones while the test runs.
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
const text = (p: { data: string } | null) => p?.data ?? null;
const ids = (messages: Message[]) => messages.map((m) => `${m.partition}:${m.offset}`);

describe('messages: browse routes', () => {
  let t: MessagesTest;
  let routes: Routes;
  /** A 200 is checked against the answer's schema, so every browse test also checks the contract. */
  const browse = async (topic: string, query: Record<string, string>, cluster = 'main') => {
    const res = await callRoute<BrowseResult & { code?: string; message?: string; details?: { fields?: Record<string, string> } }>(routes.browse.GET, { cluster, topic }, { query });
    if (res.status === 200) browseResult.strict().parse(res.body);
    return res;
  };

  before(async () => {
    t = await startMessagesTest();
    routes = {
      browse: await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route'),
      one: await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/[partition]/[offset]/route'),
    };
    await t.admin.createTopics({
      topics: [
        { topic: 'single', numPartitions: 1, replicationFactor: 1 },
        { topic: 'multi', numPartitions: 3, replicationFactor: 2 },
        { topic: 'empty', numPartitions: 2, replicationFactor: 1 },
      ],
    });
    // single: 250 messages one second apart, so a time lands on one exact message.
    await t.producer.send({
      topic: 'single',
      messages: Array.from({ length: 250 }, (_, i) => ({
        key: `k${i}`,
        value: JSON.stringify({ i }),
        headers: { idx: String(i) },
        timestamp: String(T0 + i * 1000),
      })),
    });
    // multi: messages interleaved over three partitions, timestamps rising with i.
    await t.producer.send({
      topic: 'multi',
      messages: Array.from({ length: 90 }, (_, i) => ({ partition: i % 3, key: `m${i}`, value: `v${i}`, timestamp: String(T0 + i * 10) })),
    });
    await t.producer.send({ topic: 'multi', messages: [{ partition: 0, key: null, value: Buffer.from([0, 1, 2, 255]) }] });
  });

  after(() => t.close());

  it('reads from the earliest offset, oldest first, with every field', async () => {
    const { status, body } = await browse('single', { start: 'earliest', order: 'asc', limit: '5' });
    assert.equal(status, 200);
    assert.deepEqual(ids(body.messages), ['0:0', '0:1', '0:2', '0:3', '0:4']);
    const m = body.messages[2];
    assert.equal(text(m.key), 'k2');
    assert.equal(text(m.value), '{"i":2}');
    assert.deepEqual(m.headers.map((h) => [h.key, text(h.value)]), [['idx', '2']]);
    assert.equal(m.timestamp, T0 + 2000);
    assert.equal(m.timestampType, 'CreateTime');
    assert.equal(m.size, 2 + 7 + 3 + 1);
    assert.deepEqual(body.partitions, [{ partition: 0, start: 0, end: 250 }]);
  });

  it('newest first from the end by default', async () => {
    const { body } = await browse('single', { limit: '3' });
    assert.deepEqual(ids(body.messages), ['0:249', '0:248', '0:247']);
    const asc = await browse('single', { start: 'latest', order: 'asc', limit: '3' });
    assert.deepEqual(ids(asc.body.messages), ['0:247', '0:248', '0:249'], 'the newest three, shown oldest first');
  });

  it('lands on the exact offset, both directions, inclusive', async () => {
    const fwd = await browse('single', { start: 'offset', offset: '120', order: 'asc', limit: '3' });
    assert.deepEqual(ids(fwd.body.messages), ['0:120', '0:121', '0:122']);
    const back = await browse('single', { start: 'offset', offset: '120', order: 'desc', limit: '3' });
    assert.deepEqual(ids(back.body.messages), ['0:120', '0:119', '0:118']);
  });

  it('lands on the exact message for a date-time, both directions', async () => {
    const at = new Date(T0 + 77_000).toISOString();
    const fwd = await browse('single', { start: 'time', time: at, order: 'asc', limit: '2' });
    assert.deepEqual(ids(fwd.body.messages), ['0:77', '0:78']);
    const between = new Date(T0 + 77_500).toISOString();
    assert.deepEqual(ids((await browse('single', { start: 'time', time: between, order: 'asc', limit: '1' })).body.messages), ['0:78']);
    assert.deepEqual(ids((await browse('single', { start: 'time', time: at, order: 'desc', limit: '2' })).body.messages), ['0:77', '0:76']);
    const offsetZone = new Date(T0 + 77_000 + 2 * 3_600_000).toISOString().replace(/\.\d+Z$/, '+02:00');
    assert.deepEqual(ids((await browse('single', { start: 'time', time: offsetZone, order: 'asc', limit: '1' })).body.messages), ['0:77']);
    assert.deepEqual(ids((await browse('single', { start: 'time', time: String(T0 + 77_000), order: 'asc', limit: '1' })).body.messages), ['0:77']);
  });

  it('pages with a cursor without gaps or repeats, in both directions', async () => {
    for (const [start, order] of [['earliest', 'asc'], ['latest', 'desc']] as const) {
      const seen: string[] = [];
      let cursor: string | null | undefined;
      let pages = 0;
      do {
        const { status, body } = await browse('single', cursor ? { cursor, order, limit: '100' } : { start, order, limit: '100' });
        assert.equal(status, 200);
        seen.push(...ids(body.messages));
        cursor = body.cursor;
        pages++;
      } while (cursor && pages < 10);
      assert.equal(pages, 3);
      assert.equal(seen.length, 250);
      assert.equal(new Set(seen).size, 250);
      assert.equal(seen[0], order === 'asc' ? '0:0' : '0:249');
    }
  });

  it('merges partitions by timestamp, newest first and oldest first', async () => {
    const desc = await browse('multi', { start: 'earliest', order: 'asc', limit: '6' });
    assert.deepEqual(ids(desc.body.messages), ['0:0', '1:0', '2:0', '0:1', '1:1', '2:1']);
    const newest = await browse('multi', { limit: '4' });
    const [first, ...rest] = newest.body.messages;
    assert.equal(first.partition, 0, 'the binary message was produced last');
    assert.deepEqual(ids(rest), ['2:29', '1:29', '0:29']);
    const sorted = [...newest.body.messages].sort((a, b) => b.timestamp - a.timestamp);
    assert.deepEqual(ids(newest.body.messages), ids(sorted));
  });

  it('reads chosen partitions only, and sends binary as base64', async () => {
    const { body } = await browse('multi', { partitions: '0', limit: '1' });
    assert.equal(body.messages[0].key, null);
    assert.deepEqual(body.messages[0].value, { encoding: 'base64', data: 'AAEC/w==', size: 4 });
    const two = await browse('multi', { partitions: '1,2', start: 'earliest', order: 'asc', limit: '100' });
    assert.equal(two.body.messages.length, 60);
    assert.ok(two.body.messages.every((m) => m.partition !== 0));
    assert.equal(two.body.cursor, null);
  });

  it('answers an empty topic with no messages and no cursor', async () => {
    const { status, body } = await browse('empty', {});
    assert.equal(status, 200);
    assert.deepEqual(body.messages, []);
    assert.equal(body.cursor, null);
  });

  it('refuses bad input with the reason', async () => {
    const cases: [Record<string, string>, number, RegExp, string?][] = [
      [{ limit: '10001' }, 400, /limit/],
      [{ limit: '0' }, 400, /limit/],
      [{ start: 'time', time: 'yesterday' }, 400, /not a date-time/, 'time'],
      [{ start: 'time', time: '2024-05-01T10:00:00' }, 400, /no time zone/, 'time'],
      [{ start: 'time' }, 400, /date-time to start from/, 'time'],
      [{ start: 'offset' }, 400, /offset to start from/, 'offset'],
      [{ start: 'offset', offset: '-3' }, 400, /not an offset/, 'offset'],
      [{ start: 'offset', offset: '250', order: 'desc' }, 400, /Offset 250 is out of range: partition 0 holds offsets 0 to 249/, 'offset'],
      [{ start: 'offset', offset: '999' }, 400, /out of range/, 'offset'],
      [{ start: 'sideways' }, 400, /start/],
      [{ partitions: 'one' }, 400, /comma-separated/],
      [{ cursor: 'garbage!' }, 400, /cursor is not valid/, 'cursor'],
      [{ partitions: '7' }, 404, /no partition 7/],
    ];
    for (const [query, status, message, field] of cases) {
      const res = await browse('single', query);
      assert.equal(res.status, status, JSON.stringify(query));
      assert.match(res.body.message!, message, JSON.stringify(query));
      if (field) assert.ok(res.body.details?.fields?.[field], `field ${field} named for ${JSON.stringify(query)}`);
    }
    const unknownTopic = await browse('nope', {});
    assert.equal(unknownTopic.status, 404);
    assert.match(unknownTopic.body.message!, /Topic "nope" does not exist/);
    assert.equal((await browse('single', {}, 'nowhere')).status, 404);
  });

  it('reads one message in full, and downloads its bytes', async () => {
    const one = await callRoute<Message>(routes.one.GET, { cluster: 'main', topic: 'single', partition: '0', offset: '42' });
    assert.equal(one.status, 200);
    assert.equal(text(one.body.value), '{"i":42}');
    const file = await callRaw(routes.one.GET, { cluster: 'main', topic: 'multi', partition: '0', offset: '30' }, { query: { download: 'value' } });
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-disposition')!, /attachment; filename="multi-0-30-value.bin"/);
    assert.deepEqual([...new Uint8Array(await file.arrayBuffer())], [0, 1, 2, 255]);
    const missing = await callRoute<{ message: string }>(routes.one.GET, { cluster: 'main', topic: 'single', partition: '0', offset: '250' });
    assert.equal(missing.status, 404);
    assert.match(missing.body.message, /holds offsets 0 to 249/);
    assert.equal((await callRoute(routes.one.GET, { cluster: 'main', topic: 'single', partition: '3', offset: '0' })).status, 404);
    assert.equal((await callRoute(routes.one.GET, { cluster: 'main', topic: 'single', partition: 'x', offset: '0' })).status, 400);
    assert.equal((await callRoute(routes.one.GET, { cluster: 'main', topic: 'single', partition: '0', offset: '1' }, { query: { download: 'both' } })).status, 400);
  });

  it('a cluster that cannot be reached answers 503', async () => {
    const res = await browse('single', {}, 'down');
    assert.equal(res.status, 503);
  });

  it('browsing created no consumer group', async () => {
    const { groups } = await t.admin.listGroups();
    assert.deepEqual(groups, []);
  });
});
