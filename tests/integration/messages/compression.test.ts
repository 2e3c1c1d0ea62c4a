import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowseResult, SearchEvent } from '@/lib/api/messages';
import { callRoute } from '@/tests/support/console';
import { callRaw, hasKcat, kcat, readNdjson, startMessagesTest, type MessagesTest } from './support';

// Messages produced by kcat (librdkafka) with each compression codec are browsed and searched
// correctly through the console's API.

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
const COUNT = 500;

describe('messages: compressed batches written by kcat', { skip: hasKcat ? false : 'kcat is not installed' }, () => {
  let t: MessagesTest;
  let browseRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
  let searchRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');

  before(async () => {
    t = await startMessagesTest();
    browseRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
    searchRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
    await t.admin.createTopics({ topics: CODECS.map((codec) => ({ topic: `z-${codec}`, numPartitions: 1, replicationFactor: 1 })) });
    for (const codec of CODECS) {
      const lines = Array.from({ length: COUNT }, (_, i) => `key-${i}\t{"codec":"${codec}","i":${i},"pad":"${'p'.repeat(i % 40)}"}`).join('\n');
      // Lingering lets librdkafka put many messages in each (compressed) batch.
      await kcat(['-P', '-b', t.bootstrap, '-t', `z-${codec}`, '-p', '0', '-K', '\t', '-z', codec, '-X', 'linger.ms=50', '-H', `codec=${codec}`], `${lines}\n`);
    }
  });

  after(() => t.close());

  for (const codec of CODECS) {
    it(`browses ${codec} batches: every message, in order, with keys and headers`, async () => {
      const { status, body } = await callRoute<BrowseResult>(browseRoute.GET, { cluster: 'main', topic: `z-${codec}` }, { query: { start: 'earliest', order: 'asc', limit: '1000' } });
      assert.equal(status, 200);
      assert.equal(body.messages.length, COUNT);
      body.messages.forEach((m, i) => {
        assert.equal(m.offset, i);
        assert.equal(m.key?.data, `key-${i}`);
        assert.deepEqual(JSON.parse(m.value!.data), { codec, i, pad: 'p'.repeat(i % 40) });
        assert.deepEqual(m.headers.map((h) => [h.key, h.value?.data]), [['codec', codec]]);
      });
      const expected = codec === 'none' ? 'none' : codec;
      assert.ok(body.messages.every((m) => m.compression === expected), `batches marked ${expected}`);
      if (codec !== 'none') assert.ok(body.messages.some((m) => m.compression !== 'none'));
    });

    it(`searches ${codec} batches by value and by filter`, async () => {
      const response = await callRaw(searchRoute.GET, { cluster: 'main', topic: `z-${codec}` }, { query: { start: 'earliest', value: '"i":321,', filter: 'value.i == 321 && key == "key-321"' } });
      const events = await readNdjson<SearchEvent>(response);
      const matches = events.filter((e) => e.type === 'message');
      assert.equal(matches.length, 1);
      const done = events.at(-1) as Extract<SearchEvent, { type: 'done' }>;
      assert.equal(done.type, 'done');
      assert.equal(done.scanned, COUNT);
    });
  }
});
