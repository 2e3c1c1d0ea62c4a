import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeControlBatch, encodeRecordBatch } from '@/lib/protocol/records/batch';
import { forEachBatch, offsetAfterBatches, RecordCursor, type BatchView } from '@/lib/kafka/messages/record-cursor';
import { compileRequestedSearch, compileSearch, SearchInputError } from '@/lib/kafka/messages/matcher';
import { ApiError } from '@/lib/api/errors';
import { toMessage, toPayload } from '@/lib/kafka/messages/to-message';
import { compileMasking } from '@/lib/messages/masking';

const b = (s: string) => Buffer.from(s);

function batches(...parts: Buffer[]): BatchView[] {
  const out: BatchView[] = [];
  forEachBatch(Buffer.concat(parts), (batch) => void out.push(batch));
  return out;
}

const sample = encodeRecordBatch({
  baseOffset: 100,
  compression: 'none',
  records: [
    { key: b('user-1'), value: b('{"amount":50,"status":"NEW"}'), headers: [{ key: 'trace-id', value: b('t-1') }], timestamp: 1_000 },
    { key: null, value: b('plain text needle here'), timestamp: 1_005 },
    { key: b('user-2'), value: b('{"amount":150,"status":"PAID"}'), headers: [{ key: 'trace-id', value: b('t-2') }, { key: 'empty', value: null }], timestamp: 1_010 },
    { key: b('bin'), value: Buffer.from([0, 1, 0xff]), timestamp: 1_020 },
  ],
});

describe('record cursor', () => {
  it('walks every record with offsets, timestamps, keys, values and headers', () => {
    const [batch] = batches(sample);
    const c = new RecordCursor().reset(batch);
    const seen: unknown[] = [];
    while (c.next()) seen.push([c.offset, c.timestamp, c.key()?.toString() ?? null, c.value()?.length, c.headers().map((h) => `${h.key}=${h.value?.toString() ?? 'null'}`)]);
    assert.deepEqual(seen, [
      [100, 1000, 'user-1', 28, ['trace-id=t-1']],
      [101, 1005, null, 22, []],
      [102, 1010, 'user-2', 30, ['trace-id=t-2', 'empty=null']],
      [103, 1020, 'bin', 3, []],
    ]);
  });

  it('reads compressed batches of every codec', () => {
    for (const compression of ['gzip', 'snappy', 'lz4'] as const) {
      const encoded = encodeRecordBatch({ baseOffset: 7, compression, records: [{ key: b('k'), value: b('v'.repeat(5000)) }] });
      const [batch] = batches(encoded);
      assert.equal(batch.compression, compression);
      const c = new RecordCursor().reset(batch);
      assert.ok(c.next());
      assert.equal(c.offset, 7);
      assert.equal(c.value()!.toString(), 'v'.repeat(5000));
    }
  });

  it('skips control batches and leaves a cut trailing batch for the next fetch', () => {
    const marker = encodeControlBatch({ baseOffset: 104, producerId: 1, producerEpoch: 0, type: 'COMMIT' });
    const next = encodeRecordBatch({ baseOffset: 105, records: [{ value: b('x') }] });
    const blob = Buffer.concat([sample, marker, next.subarray(0, next.length - 3)]);
    const seen: BatchView[] = [];
    const after = forEachBatch(blob, (batch) => void seen.push(batch));
    assert.equal(seen.length, 2);
    assert.equal(seen[1].control, true);
    assert.equal(new RecordCursor().reset(seen[1]).next(), false, 'markers hold no messages');
    assert.equal(after, 105);
    assert.equal(offsetAfterBatches(blob), 105);
    assert.equal(offsetAfterBatches(null), -1);
  });

  it('builds API messages with sizes, text or base64, and cut long values on a character boundary', () => {
    const [batch] = batches(sample);
    const c = new RecordCursor().reset(batch);
    c.next();
    const m = toMessage(c, batch, 3);
    assert.equal(m.partition, 3);
    assert.equal(m.timestampType, 'CreateTime');
    assert.deepEqual(m.key, { encoding: 'utf8', data: 'user-1', size: 6 });
    assert.equal(m.size, 6 + 28 + 'trace-id'.length + 3);
    c.next();
    c.next();
    c.next();
    assert.deepEqual(toMessage(c, batch, 0).value, { encoding: 'base64', data: 'AAH/', size: 3 });
    assert.deepEqual(toPayload(b('héllo'), 2), { encoding: 'utf8', data: 'h', size: 6, truncated: true });
    assert.equal(toPayload(null), null);
  });
});

function matches(terms: Parameters<typeof compileSearch>[0]): number[] {
  const search = compileSearch(terms);
  const [batch] = batches(sample);
  const c = new RecordCursor().reset(batch);
  const out: number[] = [];
  while (c.next()) if (search.test(c, 0)) out.push(c.offset);
  return out;
}

describe('search matcher', () => {
  it('matches key, value and header terms in each mode', () => {
    assert.deepEqual(matches({ key: 'user', keyMode: 'contains' }), [100, 102]);
    assert.deepEqual(matches({ key: 'user-2', keyMode: 'equals' }), [102]);
    assert.deepEqual(matches({ key: '^user-\\d$', keyMode: 'regex' }), [100, 102]);
    assert.deepEqual(matches({ value: 'needle' }), [101]);
    assert.deepEqual(matches({ value: 'NEEDLE', ignoreCase: true }), [101]);
    assert.deepEqual(matches({ value: 'NEEDLE' }), []);
    assert.deepEqual(matches({ header: 'trace-id' }), [100, 102]);
    assert.deepEqual(matches({ header: 'trace-id', headerValue: 't-2', headerMode: 'equals' }), [102]);
    assert.deepEqual(matches({ headerValue: 't-1' }), [100]);
    assert.deepEqual(matches({ header: 'empty' }), [102]);
  });

  it('runs the filter language on parsed JSON values', () => {
    assert.deepEqual(matches({ filter: 'value.amount > 100 && value.status == "PAID"' }), [102]);
    assert.deepEqual(matches({ filter: 'key ~ /^user-/ && headers["trace-id"] == "t-1"' }), [100]);
    assert.deepEqual(matches({ filter: 'value contains "needle" || offset == 103' }), [101, 103]);
  });

  it('combines terms with AND and gives byte needles only for exact-case text terms', () => {
    assert.deepEqual(matches({ key: 'user', value: 'PAID' }), [102]);
    assert.deepEqual(compileSearch({ key: 'a', value: 'b', header: 'h' }).needles.map(String), ['a', 'b', 'h']);
    assert.deepEqual(compileSearch({ value: 'b', ignoreCase: true }).needles, []);
    assert.deepEqual(compileSearch({ value: 'b+', valueMode: 'regex' }).needles, []);
    assert.equal(compileSearch({}).matchesAll, true);
  });

  it('names the field of a bad regex or filter', () => {
    assert.throws(() => compileSearch({ value: '(a', valueMode: 'regex' }), (e: unknown) => e instanceof SearchInputError && e.field === 'value');
    assert.throws(() => compileSearch({ filter: 'value.a >' }), (e: unknown) => e instanceof SearchInputError && e.field === 'filter' && /ends too early/.test(e.message));
  });

  it("answers a request's bad term with a 400 on its query parameter", () => {
    const refusal = (e: unknown, field: string) => e instanceof ApiError && e.status === 400 && e.code === 'bad_request' && field in e.fieldErrors;
    assert.throws(() => compileRequestedSearch({ key: '(a', keyMode: 'regex' }), (e: unknown) => refusal(e, 'key'));
    assert.throws(() => compileRequestedSearch({ filter: '==' }), (e: unknown) => refusal(e, 'filter'));
    assert.equal(compileRequestedSearch({ value: 'b' }).needles.map(String).join(), 'b');
  });
});

describe('masked search and messages', () => {
  const masker = compileMasking(
    [
      { topics: ['*'], fields: ['value.status'], action: 'mask' },
      { topics: ['*'], headers: ['trace-*'], action: 'remove' },
      { topics: ['*'], fields: ['key'], action: 'hash' },
    ],
    'unit-test-secret',
  )!;
  const matching = (terms: Parameters<typeof compileSearch>[0]) => {
    const search = compileSearch(terms, masker);
    const [batch] = batches(sample);
    const c = new RecordCursor().reset(batch);
    const offsets: number[] = [];
    while (c.next()) if (search.test(c, 0)) offsets.push(c.offset);
    return { offsets, search };
  };

  it('tests every term against the masked record, with no needles to skip batches by stored bytes', () => {
    const { offsets, search } = matching({ value: 'PAID' });
    assert.deepEqual(offsets, []);
    assert.deepEqual(search.needles, []);
    assert.deepEqual(matching({ value: 'PAID', ignoreCase: true }).offsets, []);
    assert.deepEqual(matching({ value: 'PA.D', valueMode: 'regex' }).offsets, []);
    assert.deepEqual(matching({ filter: 'value.status == "PAID"' }).offsets, []);
    assert.deepEqual(matching({ header: 'trace-id' }).offsets, []);
    assert.deepEqual(matching({ key: 'user-1', keyMode: 'equals' }).offsets, []);
    assert.deepEqual(matching({ key: 'sha256:' }).offsets, [100, 102, 103]);
    assert.deepEqual(matching({ value: '"status":"***"' }).offsets, [100, 102]);
    assert.deepEqual(matching({ filter: 'value.amount > 100' }).offsets, [102], 'unmasked fields still match');
    assert.deepEqual(matching({ value: 'needle' }).offsets, [], 'a path into a text value masks all of it');
    assert.deepEqual(matching({ value: '***', valueMode: 'equals' }).offsets, [101, 103]);
    assert.deepEqual(matching({}).offsets, [100, 101, 102, 103]);
  });

  it('sends the masked message with the stored size', () => {
    const [batch] = batches(sample);
    const c = new RecordCursor().reset(batch);
    c.next();
    c.next();
    c.next();
    const m = toMessage(c, batch, 0, Infinity, masker);
    assert.equal(m.masked, true);
    assert.deepEqual(JSON.parse(m.value!.data), { amount: 150, status: '***' });
    assert.match(m.key!.data, /^sha256:[0-9a-f]{16}$/);
    assert.deepEqual(m.headers.map((h) => h.key), ['empty']);
    assert.equal(m.size, toMessage(c, batch, 0).size);
  });
});
