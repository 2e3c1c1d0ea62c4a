import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MaskingRule } from '@/lib/auth/access';
import { compileMasking, keyedHash, MASK, type RawRecord } from '@/lib/messages/masking';

const SECRET = 'a-test-secret-of-some-length-0123456789';

function record(value: unknown, extra: Partial<RawRecord> = {}): RawRecord {
  const bytes = value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  return { key: Buffer.from('k-1'), value: bytes, headers: [], ...extra };
}

function masked(rules: MaskingRule[], input: RawRecord, secret = SECRET): RawRecord {
  const masker = compileMasking(rules, secret);
  assert.ok(masker);
  return masker.apply(input);
}

const json = (b: Buffer | null) => (b === null ? null : (JSON.parse(b.toString('utf8')) as unknown));
const text = (b: Buffer | null) => b?.toString('utf8') ?? null;
const hashOf = (s: string, secret = SECRET) => keyedHash(secret)(Buffer.from(s));

describe('compileMasking', () => {
  it('has nothing to do without rules', () => {
    assert.equal(compileMasking([], SECRET), undefined);
  });

  it('masks, hashes and removes JSON fields by path, leaving the rest', () => {
    const input = record({ customer: { email: 'ann@example.com', name: 'Ann', phone: '555' }, total: 12 });
    const out = masked(
      [
        { topics: ['*'], fields: ['value.customer.email'], action: 'mask' },
        { topics: ['*'], fields: ['value.customer.name'], action: 'hash' },
        { topics: ['*'], fields: ['value.customer.phone', 'value.missing.field'], action: 'remove' },
      ],
      input,
    );
    assert.deepEqual(json(out.value), { customer: { email: MASK, name: hashOf('Ann') }, total: 12 });
    assert.equal(text(out.key), 'k-1');
    assert.equal(JSON.parse(input.value!.toString()).customer.email, 'ann@example.com', 'the input is not changed');
  });

  it('follows * through arrays and objects', () => {
    const input = record({ items: [{ card: '4111', sku: 'a' }, { card: '5500', sku: 'b' }, { sku: 'c' }], byId: { x: { card: '1' }, y: { card: '2' } } });
    const out = masked([{ topics: ['*'], fields: ['value.items.*.card', 'value.byId.*.card'], action: 'mask' }], input);
    assert.deepEqual(json(out.value), {
      items: [{ card: MASK, sku: 'a' }, { card: MASK, sku: 'b' }, { sku: 'c' }],
      byId: { x: { card: MASK }, y: { card: MASK } },
    });
    const removed = masked([{ topics: ['*'], fields: ['value.items.*'], action: 'remove' }], input);
    assert.deepEqual((json(removed.value) as { items: unknown[] }).items, []);
    const indexed = masked([{ topics: ['*'], fields: ['value.items.1.card'], action: 'mask' }], input);
    assert.deepEqual((json(indexed.value) as { items: { card?: string }[] }).items.map((i) => i.card), ['4111', MASK, undefined]);
  });

  it('masks a whole object or array at a path, and the strongest action wins', () => {
    const input = record({ card: { number: '4111', cvc: '123' } });
    assert.deepEqual(json(masked([{ topics: ['*'], fields: ['value.card'], action: 'mask' }], input).value), { card: MASK });
    const both = masked(
      [
        { topics: ['*'], fields: ['value.card'], action: 'hash' },
        { topics: ['*'], fields: ['value.card.number'], action: 'remove' },
        { topics: ['*'], fields: ['value.card'], action: 'mask' },
      ],
      input,
    );
    assert.deepEqual(json(both.value), { card: MASK });
  });

  it('masks the whole value when a path points into a value that is not JSON', () => {
    const plain = masked([{ topics: ['*'], fields: ['value.customer.email'], action: 'mask' }], record('email=ann@example.com'));
    assert.equal(text(plain.value), MASK);
    const binary = masked([{ topics: ['*'], fields: ['value.a'], action: 'hash' }], record(null, { value: Buffer.from([0xff, 0xfe, 0x00, 0x41]) }));
    assert.match(text(binary.value)!, /^sha256:[0-9a-f]{16}$/);
    const broken = masked([{ topics: ['*'], fields: ['value.a'], action: 'remove' }], record('{"a": "secret", '));
    assert.equal(broken.value, null);
  });

  it('masks, hashes or removes whole keys and values; nulls stay null', () => {
    const input = record({ a: 1 }, { key: Buffer.from('customer-42') });
    const out = masked([{ topics: ['*'], fields: ['key'], action: 'hash' }, { topics: ['*'], fields: ['value'], action: 'mask' }], input);
    assert.equal(text(out.key), hashOf('customer-42'));
    assert.equal(text(out.value), MASK);
    assert.equal(masked([{ topics: ['*'], fields: ['key', 'value'], action: 'remove' }], input).key, null);
    assert.equal(masked([{ topics: ['*'], fields: ['value'], action: 'mask' }], record(null)).value, null);
    assert.equal(masked([{ topics: ['*'], fields: ['key.id'], action: 'mask' }], input).key?.toString(), MASK, 'a path into a text key masks the key');
  });

  it('masks headers by name pattern, including regexes, and removes them', () => {
    const input = record('v', {
      headers: [
        { key: 'authorization', value: Buffer.from('Bearer abc') },
        { key: 'x-user-email', value: Buffer.from('ann@example.com') },
        { key: 'x-user-id', value: Buffer.from('42') },
        { key: 'trace', value: null },
        { key: 'content-type', value: Buffer.from('json') },
      ],
    });
    const out = masked(
      [
        { topics: ['*'], headers: ['authorization'], action: 'remove' },
        { topics: ['*'], headers: ['x-user-*'], action: 'hash' },
        { topics: ['*'], headers: ['/^x-user-e/', 'trace'], action: 'mask' },
      ],
      input,
    );
    assert.deepEqual(
      out.headers.map((h) => [h.key, text(h.value)]),
      [
        ['x-user-email', MASK],
        ['x-user-id', hashOf('42')],
        ['trace', null],
        ['content-type', 'json'],
      ],
    );
    assert.equal(text(out.value), 'v', 'header rules leave the value alone');
  });

  it('hashes stably with the same secret, differently with another, and equal text alike wherever it is', () => {
    const a = masked([{ topics: ['*'], fields: ['value.email'], action: 'hash' }], record({ email: 'ann@example.com' }));
    const b = masked([{ topics: ['*'], fields: ['value.email'], action: 'hash' }], record({ email: 'ann@example.com', other: 1 }));
    const c = masked([{ topics: ['*'], fields: ['value.email'], action: 'hash' }], record({ email: 'ann@example.com' }), 'another-secret-of-some-length-0123456');
    const header = masked([{ topics: ['*'], headers: ['email'], action: 'hash' }], record('v', { headers: [{ key: 'email', value: Buffer.from('ann@example.com') }] }));
    const ha = (json(a.value) as { email: string }).email;
    assert.match(ha, /^sha256:[0-9a-f]{16}$/);
    assert.equal((json(b.value) as { email: string }).email, ha);
    assert.notEqual((json(c.value) as { email: string }).email, ha);
    assert.equal(text(header.headers[0].value), ha);
    assert.ok(!ha.includes('ann'));
    const numbers = masked([{ topics: ['*'], fields: ['value.n'], action: 'hash' }], record({ n: 7 }));
    assert.equal((json(numbers.value) as { n: string }).n, hashOf('7'));
  });

  it('leaves a record untouched where nothing applies', () => {
    const input = record({ a: 1 });
    const out = masked([{ topics: ['*'], fields: ['value.b'], action: 'mask' }, { topics: ['*'], headers: ['x'], action: 'mask' }], input);
    assert.equal(out.value, input.value);
    assert.equal(out.key, input.key);
  });
});
