import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowseResult, Message, SearchEvent, TailEvent } from '@/lib/api/messages';
import { callRoute } from '@/tests/support/console';
import { callRaw, readNdjson, sseReader, startMessagesTest, type MessagesTest } from './support';

// Masking through the route handlers, with two signed-in users: "ann" has the masking rules of
// her role on "customers*", "bob" has none. What ann gets must never hold the masked values,
// whatever she reads or searches for; bob sees everything.

const CARD = '4111-SECRET-9999';
const EMAIL = 'ann.secret@example.com';
const NOTE = 'plain text SECRET-NOTE';
const SECRETS = [CARD, EMAIL, 'SECRET', Buffer.from(CARD).toString('base64').slice(0, 12)];

const AUTH = [
  'sessionSecret: "masking-test-secret-0123456789-abcdef"',
  'users:',
  '  - { username: ann, passwordHash: "$2b$04$abcdefghijklmnopqrstuu", roles: [support] }',
  '  - { username: bob, passwordHash: "$2b$04$abcdefghijklmnopqrstuu", roles: [ops] }',
  'roles:',
  '  - name: support',
  '    actions: [view, messages:read, messages:replay]',
  '    masking:',
  '      - { topics: ["customers*"], fields: [value.card.number, value.items.*.cvc, value.note], action: mask }',
  '      - { topics: ["customers*"], headers: [x-email], action: hash }',
  '      - { topics: ["customers*"], fields: [key], action: remove }',
  '  - name: ops',
  '    actions: [view, messages:read, messages:replay, messages:produce]',
];

type Done = Extract<SearchEvent, { type: 'done' }>;

describe('messages: masking', () => {
  let t: MessagesTest;
  let browseRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
  let messageRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/[partition]/[offset]/route');
  let searchRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
  let tailRoute: typeof import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');
  let replayRoute: typeof import('@/app/api/clusters/[cluster]/replay/route');
  const cookies: Record<string, Record<string, string>> = {};

  const assertNoSecret = (what: string, text: string) => {
    for (const s of SECRETS) assert.ok(!text.includes(s), `${what} holds "${s}": ${text.slice(0, 500)}`);
  };
  const browse = async (user: string) => {
    const res = await callRoute<BrowseResult>(browseRoute.GET, { cluster: 'main', topic: 'customers' }, { query: { start: 'earliest', order: 'asc' }, headers: cookies[user] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const search = async (user: string, query: Record<string, string>) => {
    const response = await callRaw(searchRoute.GET, { cluster: 'main', topic: 'customers' }, { query: { start: 'earliest', order: 'asc', limit: '1000', ...query }, headers: cookies[user] });
    assert.equal(response.status, 200, await response.clone().text());
    const text = await response.clone().text();
    const events = await readNdjson<SearchEvent>(response);
    const done = events.find((e): e is Done => e.type === 'done');
    assert.ok(done, text);
    const matches = events.filter((e) => e.type === 'message').map((e) => (e as { message: Message }).message);
    const progress = events.filter((e) => e.type === 'progress').map((e) => (e as { matched: number }).matched);
    return { text, done, matches, progress };
  };

  before(async () => {
    t = await startMessagesTest({ auth: AUTH });
    browseRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
    messageRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/[partition]/[offset]/route');
    searchRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');
    tailRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');
    replayRoute = await import('@/app/api/clusters/[cluster]/replay/route');
    const { appConfig } = await import('@/lib/kafka/clusters');
    const { newSession, signSession, SESSION_COOKIE } = await import('@/lib/auth/session');
    const { auth } = await appConfig();
    for (const name of ['ann', 'bob']) cookies[name] = { cookie: `${SESSION_COOKIE}=${await signSession(auth, newSession(auth, { name, method: 'local' }))}` };
    await t.admin.createTopics({ topics: [{ topic: 'customers', numPartitions: 1, replicationFactor: 1 }, { topic: 'copy', numPartitions: 1, replicationFactor: 1 }] });
    await t.producer.send({
      topic: 'customers',
      messages: [
        ...Array.from({ length: 20 }, (_, i) => ({ key: `c-${i}`, value: JSON.stringify({ id: i, card: { number: `0000-${i}`, brand: 'visa' } }) })),
        { key: 'c-secret', value: JSON.stringify({ id: 99, card: { number: CARD, brand: 'visa' }, items: [{ sku: 'a', cvc: '123' }] }), headers: { 'x-email': EMAIL, trace: 't-1' } },
        { key: 'c-text', value: NOTE },
      ],
    });
  });

  after(() => t.close());

  it('browse and single reads hold no masked value for the masked role', async () => {
    const page = await browse('ann');
    assert.equal(page.messages.length, 22);
    assertNoSecret('browse', JSON.stringify(page));
    const secret = page.messages[20];
    assert.deepEqual(JSON.parse(secret.value!.data), { id: 99, card: { number: '***', brand: 'visa' }, items: [{ sku: 'a', cvc: '***' }] });
    assert.equal(secret.key, null, 'the key is removed');
    assert.equal(secret.masked, true);
    assert.match(secret.headers.find((h) => h.key === 'x-email')!.value!.data, /^sha256:[0-9a-f]{16}$/);
    assert.equal(secret.headers.find((h) => h.key === 'trace')!.value!.data, 't-1');
    assert.equal(page.messages[21].value!.data, '***', 'a path into a text value masks all of it');

    for (const offset of ['20', '21']) {
      const one = await callRoute<Message>(messageRoute.GET, { cluster: 'main', topic: 'customers', partition: '0', offset }, { headers: cookies.ann });
      assert.equal(one.status, 200);
      assertNoSecret('single read', JSON.stringify(one.body));
      const download = await callRaw(messageRoute.GET, { cluster: 'main', topic: 'customers', partition: '0', offset }, { query: { download: 'value' }, headers: cookies.ann });
      assertNoSecret('download', await download.text());
    }
  });

  it('the unmasked role sees everything', async () => {
    const page = await browse('bob');
    const text = JSON.stringify(page);
    assert.ok(text.includes(CARD) && text.includes(EMAIL) && text.includes(NOTE));
    assert.equal(page.messages[20].masked, undefined);
    assert.equal((await search('bob', { value: CARD })).done.matched, 1);
  });

  it('search cannot find a masked value by what it holds, nor count it', async () => {
    const probes: Record<string, string>[] = [
      { value: CARD },
      { value: 'SECRET' },
      { value: 'secret', ignoreCase: 'true' },
      { value: '4111-S', valueMode: 'regex' },
      { key: 'c-secret', keyMode: 'equals' },
      { key: 'c-' },
      { header: 'x-email', headerValue: EMAIL, headerMode: 'equals' },
      { headerValue: 'ann.secret' },
      { filter: `value.card.number == "${CARD}"` },
      { filter: 'value contains "SECRET"' },
      { filter: 'key == "c-secret"' },
      { filter: `headers["x-email"] == "${EMAIL}"` },
    ];
    for (const probe of probes) {
      const { done, matches, text, progress } = await search('ann', probe);
      assert.equal(done.matched, 0, `${JSON.stringify(probe)} matched ${text}`);
      assert.equal(matches.length, 0);
      assert.ok(progress.every((n) => n === 0));
      assert.equal(done.scanned, 22, 'every message is scanned, none skipped by its stored bytes');
    }
    // Terms match what the user is shown: the marker, and unmasked fields.
    assert.equal((await search('ann', { value: '"number":"***"' })).done.matched, 21);
    assert.equal((await search('ann', { filter: 'value.card.brand == "visa" && value.id == 99' })).done.matched, 1);
    const hashed = (await browse('ann')).messages[20].headers.find((h) => h.key === 'x-email')!.value!.data;
    assert.equal((await search('ann', { header: 'x-email', headerValue: hashed, headerMode: 'equals' })).done.matched, 1, 'hashed values correlate');
    const newestFirst = await search('ann', { start: 'latest', order: 'desc', value: CARD });
    assert.equal(newestFirst.done.matched, 0);
  });

  it('tail sends masked messages, and its terms see only the masked form', async () => {
    const controller = new AbortController();
    const response = await callRaw(tailRoute.GET, { cluster: 'main', topic: 'customers' }, { headers: cookies.ann, signal: controller.signal });
    assert.equal(response.status, 200);
    const probe = await callRaw(tailRoute.GET, { cluster: 'main', topic: 'customers' }, { query: { value: CARD }, headers: cookies.ann, signal: controller.signal });
    const ready = (events: TailEvent[]) => events.some((e) => e.type === 'ready');
    const reading = sseReader<TailEvent>(response);
    const probing = sseReader<TailEvent>(probe);
    try {
      // A tail reads from the ends it found before saying it is ready: the message comes after both.
      await reading.next(ready);
      await probing.next(ready);
      await t.producer.send({ topic: 'customers', messages: [{ key: 'c-live', value: JSON.stringify({ id: 100, card: { number: CARD } }), headers: { 'x-email': EMAIL } }] });
      const probed = probing.next((events) => events.some((e) => e.type === 'messages'), 4_000).catch(() => 'nothing');
      const events = await reading.next((events) => events.some((e) => e.type === 'messages' && e.messages.some((m) => m.offset === 22)), 15_000);
      assert.ok(ready(events));
      assertNoSecret('tail', JSON.stringify(events));
      assert.equal(await probed, 'nothing', 'a tail searching for the masked value gets nothing');
    } finally {
      controller.abort();
      await reading.cancel();
      await probing.cancel();
    }
  });

  it('replay is refused for a user who sees the source masked, and allowed otherwise', async () => {
    const body = { topic: 'customers', source: { mode: 'offsets', partition: 0, from: 0, to: 21 }, target: { topic: 'copy', partition: 0 } };
    const refused = await callRoute<{ code: string; message: string }>(replayRoute.POST, { cluster: 'main' }, { body, headers: cookies.ann });
    assert.equal(refused.status, 403);
    assert.match(refused.body.message, /masked/);
    const allowed = await callRoute<{ produced: number }>(replayRoute.POST, { cluster: 'main' }, { body, headers: cookies.bob });
    assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
    assert.equal(allowed.body.produced, 22);
  });
});
