import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryTopics, type SnapshotRow, type TopicsSnapshot } from '@/lib/kafka/topics/read';

function row(name: string, extra: Partial<SnapshotRow> = {}): SnapshotRow {
  return {
    name,
    internal: name.startsWith('__'),
    partitions: 1,
    replicationFactor: 3,
    underReplicated: 0,
    underMinIsr: 0,
    offline: 0,
    size: 0,
    messages: 0,
    cleanupPolicy: 'delete',
    ...extra,
  };
}

function snapshot(rows: SnapshotRow[]): TopicsSnapshot {
  return { rows, internalCount: rows.filter((r) => r.internal).length, fetchedAt: 0, sorted: new Map() };
}

const base = { q: '', sort: 'name' as const, dir: 'asc' as const, page: 1, pageSize: 10, internal: false };

test('hides internal topics unless asked, and searches case-insensitively with every term', () => {
  const s = snapshot([row('__consumer_offsets'), row('Orders.EU'), row('orders.us'), row('payments')]);
  assert.deepEqual(queryTopics(s, base).items.map((r) => r.name), ['Orders.EU', 'orders.us', 'payments']);
  assert.equal(queryTopics(s, { ...base, internal: true }).total, 4);
  assert.deepEqual(queryTopics(s, { ...base, q: 'ORDERS' }).items.map((r) => r.name), ['Orders.EU', 'orders.us']);
  assert.deepEqual(queryTopics(s, { ...base, q: 'orders us' }).items.map((r) => r.name), ['orders.us']);
});

test('sorts numerically by size in both directions with unknown sizes last', () => {
  const s = snapshot([row('a', { size: 10 }), row('b', { size: null }), row('c', { size: 3000 }), row('d', { size: 200 })]);
  assert.deepEqual(queryTopics(s, { ...base, sort: 'size', dir: 'desc' }).items.map((r) => r.name), ['c', 'd', 'a', 'b']);
  assert.deepEqual(queryTopics(s, { ...base, sort: 'size', dir: 'asc' }).items.map((r) => r.name), ['a', 'd', 'c', 'b']);
});

test('sorts by consumer lag from the lag map', () => {
  const s = snapshot([row('a'), row('b'), row('c')]);
  const lag = new Map([['a', { group: 'g1', lag: 5 }], ['c', { group: 'g2', lag: 900 }]]);
  const page = queryTopics(s, { ...base, sort: 'lag', dir: 'desc' }, lag);
  assert.deepEqual(page.items.map((r) => r.name), ['c', 'a', 'b']);
  assert.deepEqual(page.items[0].worstLag, { group: 'g2', lag: 900 });
  assert.equal(page.items[2].worstLag, null);
});

test('paginates on the server and clamps a page past the end', () => {
  const s = snapshot(Array.from({ length: 25 }, (_, i) => row(`t${String(i).padStart(2, '0')}`)));
  const second = queryTopics(s, { ...base, page: 2 });
  assert.equal(second.total, 25);
  assert.equal(second.pageCount, 3);
  assert.deepEqual(second.items.map((r) => r.name), ['t10', 't11', 't12', 't13', 't14', 't15', 't16', 't17', 't18', 't19']);
  const past = queryTopics(s, { ...base, page: 9 });
  assert.equal(past.page, 3);
  assert.equal(past.items.length, 5);
});

test('stays fast at 10,000 topics once the sort order is cached', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => row(`topic-${i}`, { size: (i * 7919) % 10_007, messages: i }));
  const s = snapshot(rows);
  queryTopics(s, { ...base, sort: 'size', dir: 'desc' });
  const started = performance.now();
  for (let i = 0; i < 20; i++) queryTopics(s, { ...base, sort: 'size', dir: 'desc', q: `topic-${i}` });
  const perQuery = (performance.now() - started) / 20;
  assert.ok(perQuery < 25, `a filtered query took ${perQuery.toFixed(1)} ms`);
});
