import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configKey, decodeKey, deleteSubjectKey, encodeKey, encodeSchemaValue, modeKey, schemaKey } from '@/lib/devcluster/schema-registry/records';
import { SchemaRegistry } from '@/lib/devcluster/schema-registry/registry';

const text = (b: Buffer | null) => (b === null ? null : b.toString('utf8'));

describe('_schemas record formats (Confluent key/value JSON)', () => {
  it('encodes keys with keytype first and magic last', () => {
    assert.equal(text(encodeKey(schemaKey('orders-value', 3))), '{"keytype":"SCHEMA","subject":"orders-value","version":3,"magic":1}');
    assert.equal(text(encodeKey(configKey(null))), '{"keytype":"CONFIG","subject":null,"magic":0}');
    assert.equal(text(encodeKey(modeKey('s'))), '{"keytype":"MODE","subject":"s","magic":0}');
    assert.equal(text(encodeKey(deleteSubjectKey('s'))), '{"keytype":"DELETE_SUBJECT","subject":"s","magic":0}');
  });

  it('leaves schemaType and references out of Avro values without references', () => {
    assert.equal(text(encodeSchemaValue({ subject: 's', version: 1, id: 7, schemaType: 'AVRO', references: [], schema: '"string"', deleted: false })), '{"subject":"s","version":1,"id":7,"schema":"\\"string\\"","deleted":false}');
    const proto = JSON.parse(text(encodeSchemaValue({ subject: 's', version: 2, id: 8, schemaType: 'PROTOBUF', references: [{ name: 'a.proto', subject: 'a', version: 1 }], schema: 'x', deleted: true }))!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(proto), ['subject', 'version', 'id', 'schemaType', 'references', 'schema', 'deleted']);
  });

  it('skips keys it does not understand', () => {
    assert.equal(decodeKey(Buffer.from('not json')), null);
    assert.equal(decodeKey(Buffer.from('{"keytype":"SOMETHING_NEW","magic":0}')), null);
    assert.deepEqual(decodeKey(Buffer.from('{"magic":1,"keytype":"SCHEMA","subject":"x","version":2}')), { keytype: 'SCHEMA', subject: 'x', version: 2, magic: 1 });
  });

  it('writes every change as a record, and a replay of those records rebuilds the same state', () => {
    const log: [Buffer, Buffer | null][] = [];
    const original = new SchemaRegistry({ append: (k, v) => log.push([k, v]) });
    const v1 = JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }] });
    const v2 = JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int', default: 0 }] });
    original.register('a-value', { schema: v1 });
    original.register('a-value', { schema: v2 });
    original.register('b-value', { schema: v1 }); // the same schema keeps its id in another subject
    original.setConfig('a-value', 'FULL');
    original.setMode('b-value', 'READONLY', false);
    original.deleteSubject('a-value', false);
    original.deleteSubject('a-value', true);
    assert.deepEqual(
      log.map(([k, v]) => [JSON.parse(k.toString()).keytype, v === null ? null : 'value']),
      [['SCHEMA', 'value'], ['SCHEMA', 'value'], ['SCHEMA', 'value'], ['CONFIG', 'value'], ['MODE', 'value'], ['DELETE_SUBJECT', 'value'], ['SCHEMA', 'value'], ['SCHEMA', 'value'], ['SCHEMA', null], ['SCHEMA', null]],
    );

    const replayed = new SchemaRegistry({ append: () => assert.fail('a replay writes nothing') });
    for (const [k, v] of log) replayed.replay(k, v);
    assert.deepEqual(replayed.subjects(true), ['b-value']);
    assert.equal(replayed.version('b-value', 'latest').id, 1);
    assert.equal(replayed.modeOf('b-value'), 'READONLY');
    assert.equal(replayed.config('a-value', false), 'FULL');
    // Ids are never reused, even after the schema that had id 2 was deleted for good.
    assert.equal(replayed.state.nextId(), 3);
  });
});
