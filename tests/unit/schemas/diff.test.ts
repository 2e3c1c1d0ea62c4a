import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignedDiff, prettySchema } from '@/lib/schemas/diff';

describe('alignedDiff', () => {
  it('keeps equal texts level, line for line', () => {
    const rows = alignedDiff('a\nb\n', 'a\nb\n');
    assert.deepEqual(rows.map((r) => r.kind), ['same', 'same']);
    assert.deepEqual(rows.map((r) => [r.left?.line, r.right?.line]), [[1, 1], [2, 2]]);
  });

  it('puts a changed line opposite its replacement', () => {
    const rows = alignedDiff('a\nb\nc', 'a\nB\nc');
    assert.deepEqual(rows.map((r) => r.kind), ['same', 'changed', 'same']);
    assert.equal(rows[1].left?.text, 'b');
    assert.equal(rows[1].right?.text, 'B');
    assert.deepEqual([rows[2].left?.line, rows[2].right?.line], [3, 3]);
  });

  it('pads the shorter side when lines are added', () => {
    const rows = alignedDiff('a\nc', 'a\nb1\nb2\nc');
    assert.deepEqual(rows.map((r) => r.kind), ['same', 'added', 'added', 'same']);
    assert.equal(rows[1].left, undefined);
    assert.deepEqual([rows[3].left?.line, rows[3].right?.line], [2, 4]);
  });

  it('pads the other side when lines are removed, and pairs what it can', () => {
    const rows = alignedDiff('a\nx\ny\nz\nc', 'a\nX\nc');
    assert.deepEqual(rows.map((r) => r.kind), ['same', 'changed', 'removed', 'removed', 'same']);
    assert.equal(rows[1].right?.text, 'X');
    assert.equal(rows[3].right, undefined);
    assert.deepEqual([rows[4].left?.line, rows[4].right?.line], [5, 3]);
  });

  it('handles an empty side', () => {
    assert.deepEqual(alignedDiff('', 'a\nb').map((r) => r.kind), ['added', 'added']);
    assert.deepEqual(alignedDiff('a', '').map((r) => r.kind), ['removed']);
  });

  it('shows an Avro field added as added lines between unchanged ones', () => {
    const v1 = prettySchema('{"type":"record","name":"U","fields":[{"name":"id","type":"long"}]}');
    const v2 = prettySchema('{"type":"record","name":"U","fields":[{"name":"id","type":"long"},{"name":"email","type":"string","default":""}]}');
    const rows = alignedDiff(v1, v2);
    const added = rows.filter((r) => r.kind !== 'same');
    assert.ok(added.some((r) => r.right?.text.includes('"email"')), JSON.stringify(rows));
    assert.ok(rows.filter((r) => r.kind === 'same').some((r) => r.left?.text.includes('"id"')));
  });
});

describe('prettySchema', () => {
  it('indents JSON and leaves Protobuf text alone', () => {
    assert.equal(prettySchema('{"a":1}'), '{\n  "a": 1\n}');
    assert.equal(prettySchema('syntax = "proto3";'), 'syntax = "proto3";');
  });
});
