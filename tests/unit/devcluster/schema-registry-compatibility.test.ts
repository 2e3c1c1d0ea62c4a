import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { incompatibilities, type CompatibilityLevel } from '@/lib/devcluster/schema-registry/compatibility';
import { RegistryError } from '@/lib/devcluster/schema-registry/errors';
import { SchemaRegistry } from '@/lib/devcluster/schema-registry/registry';
import { parseSchema } from '@/lib/devcluster/schema-registry/schema-types';

const record = (fields: object[], extra: object = {}) => ({ type: 'record', name: 'Payment', namespace: 'demo', fields, ...extra });
const avro = (schema: object) => parseSchema('AVRO', JSON.stringify(schema));
const color = (symbols: string[]) => record([{ name: 'color', type: { type: 'enum', name: 'Color', symbols } }]);

// [case, old (v1), new (v2), verdict under BACKWARD, FORWARD, FULL] — from the Avro
// specification's schema resolution: BACKWARD = the new schema reads old data, FORWARD = the
// old schema reads new data, FULL = both.
const TABLE: [string, object, object, boolean, boolean, boolean][] = [
  ['added field with default', record([{ name: 'id', type: 'int' }]), record([{ name: 'id', type: 'int' }, { name: 'note', type: 'string', default: '' }]), true, true, true],
  ['added field without default', record([{ name: 'id', type: 'int' }]), record([{ name: 'id', type: 'int' }, { name: 'note', type: 'string' }]), false, true, false],
  ['removed field (no default)', record([{ name: 'id', type: 'int' }, { name: 'note', type: 'string' }]), record([{ name: 'id', type: 'int' }]), true, false, false],
  ['removed field with default', record([{ name: 'id', type: 'int' }, { name: 'note', type: 'string', default: '' }]), record([{ name: 'id', type: 'int' }]), true, true, true],
  ['type change int → string', record([{ name: 'id', type: 'int' }]), record([{ name: 'id', type: 'string' }]), false, false, false],
  ['promotion int → long', record([{ name: 'id', type: 'int' }]), record([{ name: 'id', type: 'long' }]), true, false, false],
  ['promotion float → double', record([{ name: 'x', type: 'float' }]), record([{ name: 'x', type: 'double' }]), true, false, false],
  ['string ↔ bytes', record([{ name: 'x', type: 'string' }]), record([{ name: 'x', type: 'bytes' }]), true, true, true],
  ['enum symbol added', color(['RED', 'GREEN']), color(['RED', 'GREEN', 'BLUE']), true, false, false],
  ['enum symbol removed', color(['RED', 'GREEN', 'BLUE']), color(['RED', 'GREEN']), false, true, false],
  ['field made nullable (union widened)', record([{ name: 'x', type: 'string' }]), record([{ name: 'x', type: ['null', 'string'], default: null }]), true, false, false],
  ['field renamed with an alias', record([{ name: 'amount', type: 'long' }]), record([{ name: 'total', type: 'long', aliases: ['amount'] }]), true, false, false],
  ['record renamed', record([{ name: 'id', type: 'int' }]), record([{ name: 'id', type: 'int' }], { name: 'Other' }), false, false, false],
  ['record renamed with an alias', record([{ name: 'id', type: 'int' }]), record([{ name: 'id', type: 'int' }], { name: 'Other', aliases: ['Payment'] }), true, false, false],
  [
    'nested record gains a required field',
    record([{ name: 'card', type: record([{ name: 'last4', type: 'string' }], { name: 'Card' }) }]),
    record([{ name: 'card', type: record([{ name: 'last4', type: 'string' }, { name: 'brand', type: 'string' }], { name: 'Card' }) }]),
    false,
    true,
    false,
  ],
  ['array items promoted int → long', record([{ name: 'xs', type: { type: 'array', items: 'int' } }]), record([{ name: 'xs', type: { type: 'array', items: 'long' } }]), true, false, false],
  ['map values changed to an incompatible type', record([{ name: 'm', type: { type: 'map', values: 'int' } }]), record([{ name: 'm', type: { type: 'map', values: 'boolean' } }]), false, false, false],
];

describe('Avro compatibility (schema resolution rules)', () => {
  for (const [name, oldSchema, newSchema, backward, forward, full] of TABLE) {
    it(name, () => {
      const verdict = (level: CompatibilityLevel) => incompatibilities(level, avro(newSchema), avro(oldSchema)).length === 0;
      assert.deepEqual(
        { BACKWARD: verdict('BACKWARD'), FORWARD: verdict('FORWARD'), FULL: verdict('FULL'), NONE: verdict('NONE') },
        { BACKWARD: backward, FORWARD: forward, FULL: full, NONE: true },
      );
    });
  }

  it('names the missing default and its path', () => {
    const found = incompatibilities('BACKWARD', avro(TABLE[1][2]), avro(TABLE[1][1]));
    assert.deepEqual(found, [{ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', location: '/fields/1', message: 'note' }]);
  });

  it('checks a recursive type without looping', () => {
    const list = (extra: object[]) => ({ type: 'record', name: 'Node', fields: [{ name: 'next', type: ['null', 'Node'], default: null }, ...extra] });
    assert.equal(incompatibilities('FULL', avro(list([{ name: 'v', type: 'long', default: 0 }])), avro(list([]))).length, 0);
    assert.equal(incompatibilities('BACKWARD', avro(list([{ name: 'v', type: 'long' }])), avro(list([]))).length, 1);
  });
});

describe('Protobuf compatibility', () => {
  const proto = (body: string) => parseSchema('PROTOBUF', `syntax = "proto3"; package demo; ${body}`);
  it('allows added and removed fields and compatible scalar changes', () => {
    assert.equal(incompatibilities('FULL', proto('message M { int64 a = 1; string c = 3; }'), proto('message M { int32 a = 1; string b = 2; }')).length, 0);
  });
  it('refuses a field number whose type changed, and a removed message', () => {
    assert.equal(incompatibilities('BACKWARD', proto('message M { string a = 1; }'), proto('message M { int32 a = 1; }'))[0].type, 'FIELD_KIND_CHANGED');
    assert.equal(incompatibilities('BACKWARD', proto('message M { int32 a = 1; }'), proto('message M { int32 a = 1; } message N { int32 x = 1; }'))[0].type, 'MESSAGE_REMOVED');
    assert.equal(incompatibilities('FORWARD', proto('message M { int32 a = 1; }'), proto('message M { int32 a = 1; } message N { int32 x = 1; }')).length, 0);
  });
});

describe('compatibility levels in the registry', () => {
  const registry = () => new SchemaRegistry({ append: () => {} });
  const v1 = JSON.stringify(record([{ name: 'id', type: 'int' }]));
  const v2 = JSON.stringify(record([{ name: 'id', type: 'int' }, { name: 'note', type: 'string', default: '' }]));
  const v3 = JSON.stringify(record([{ name: 'id', type: 'int' }, { name: 'note', type: 'string' }]));

  it('BACKWARD checks the latest version only; BACKWARD_TRANSITIVE checks them all', () => {
    const plain = registry();
    plain.register('s', { schema: v1 });
    plain.register('s', { schema: v2 });
    assert.equal(plain.register('s', { schema: v3 }), 3);

    const transitive = registry();
    transitive.setConfig('s', 'BACKWARD_TRANSITIVE');
    transitive.register('s', { schema: v1 });
    transitive.register('s', { schema: v2 });
    assert.throws(() => transitive.register('s', { schema: v3 }), (e: unknown) => e instanceof RegistryError && e.errorCode === 409 && /note/.test(e.message));
    assert.equal(transitive.testCompatibility('s', '1', { schema: v3 }).is_compatible, false);
    assert.equal(transitive.testCompatibility('s', '2', { schema: v3 }).is_compatible, true);
  });

  it('NONE accepts anything that parses, and an invalid schema is 42201', () => {
    const r = registry();
    r.setConfig(null, 'none');
    r.register('s', { schema: v1 });
    assert.equal(r.register('s', { schema: '"string"' }), 2);
    assert.throws(() => r.register('s', { schema: '{"type":"record"}' }), (e: unknown) => e instanceof RegistryError && e.errorCode === 42201);
    assert.throws(() => r.setConfig(null, 'SIDEWAYS'), (e: unknown) => e instanceof RegistryError && e.errorCode === 42203);
  });
});
