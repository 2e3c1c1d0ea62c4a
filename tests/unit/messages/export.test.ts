import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from '@/lib/api/messages';
import { csvCell, exportMessages, toCsv, toJsonLines } from '@/lib/messages/export';

const base: Message = {
  partition: 1,
  offset: 42,
  timestamp: Date.parse('2024-05-01T10:00:00.000Z'),
  timestampType: 'CreateTime',
  key: { encoding: 'utf8', data: 'user-1', size: 6 },
  value: { encoding: 'utf8', data: '{"a":"x,y","q":"say \\"hi\\""}', size: 28 },
  headers: [{ key: 'trace-id', value: { encoding: 'utf8', data: 't1', size: 2 } }],
  size: 44,
  compression: 'none',
};
const binary: Message = {
  ...base,
  offset: 43,
  key: null,
  value: { encoding: 'base64', data: 'AAH/', size: 3 },
  headers: [{ key: 'n', value: null }],
};

describe('export', () => {
  it('writes one JSON object per line that round-trips the payloads', () => {
    const lines = toJsonLines([base, binary]).split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    const first = JSON.parse(lines[0]);
    assert.deepEqual(first, {
      partition: 1,
      offset: 42,
      timestamp: '2024-05-01T10:00:00.000Z',
      timestampMs: Date.parse('2024-05-01T10:00:00.000Z'),
      timestampType: 'CreateTime',
      key: 'user-1',
      keyEncoding: 'utf8',
      value: '{"a":"x,y","q":"say \\"hi\\""}',
      valueEncoding: 'utf8',
      headers: [{ key: 'trace-id', value: 't1', encoding: 'utf8' }],
      size: 44,
    });
    const second = JSON.parse(lines[1]);
    assert.equal(second.key, null);
    assert.equal(second.keyEncoding, null);
    assert.deepEqual([...Buffer.from(second.value, 'base64')], [0, 1, 255]);
    assert.deepEqual(second.headers, [{ key: 'n', value: null, encoding: null }]);
  });

  it('marks values that were cut short', () => {
    const cut = { ...base, value: { ...base.value!, truncated: true } };
    assert.equal(JSON.parse(toJsonLines([cut])).valueTruncated, true);
  });

  it('writes RFC 4180 CSV with a header row, quoting and base64 for binary', () => {
    const csv = toCsv([base, binary]);
    const rows = csv.split('\r\n');
    assert.equal(rows[0], 'partition,offset,timestamp,timestampType,key,value,headers,size');
    assert.equal(rows[1], '1,42,2024-05-01T10:00:00.000Z,CreateTime,user-1,"{""a"":""x,y"",""q"":""say \\""hi\\""""}","{""trace-id"":""t1""}",44');
    assert.equal(rows[2], '1,43,2024-05-01T10:00:00.000Z,CreateTime,,base64:AAH/,"{""n"":null}",44');
    assert.equal(rows[3], '');
  });

  it('defuses spreadsheet formulas but leaves numbers alone', () => {
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('-5'), '-5');
    assert.equal(csvCell('+1.5e3'), '+1.5e3');
    assert.equal(csvCell('-x'), "'-x");
    assert.equal(csvCell(' padded'), '" padded"');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  });

  it('names the file type for each format', () => {
    assert.equal(exportMessages([base], 'csv').extension, 'csv');
    assert.match(exportMessages([base], 'jsonl').mime, /ndjson/);
  });
});
