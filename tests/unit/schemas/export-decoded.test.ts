import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message } from '@/lib/api/messages';
import { toCsv, toJsonLine } from '@/lib/messages/export';

const message: Message = {
  partition: 0,
  offset: 7,
  timestamp: 0,
  timestampType: 'CreateTime',
  key: { encoding: 'utf8', data: 'k', size: 1 },
  value: { encoding: 'base64', data: 'AAAAAAcCYQ==', size: 8, schema: { id: 7, type: 'AVRO', subject: 'orders-value', version: 3 }, decoded: { id: 'a', n: '9007199254740993' } },
  headers: [],
  size: 9,
  compression: 'none',
};

test('a JSON-lines export keeps the stored bytes and adds the decoded value with its schema', () => {
  const line = JSON.parse(toJsonLine(message)) as Record<string, unknown>;
  assert.equal(line.value, 'AAAAAAcCYQ==');
  assert.equal(line.valueEncoding, 'base64');
  assert.deepEqual(line.valueDecoded, { id: 'a', n: '9007199254740993' });
  assert.deepEqual(line.valueSchema, { id: 7, type: 'AVRO', subject: 'orders-value', version: 3 });
  assert.equal('keyDecoded' in line, false);
});

test('a CSV export writes the decoded JSON in the cell; an undecodable payload says why in JSON lines', () => {
  assert.match(toCsv([message]), /"\{""id"":""a"",""n"":""9007199254740993""\}"/);
  const failed = { ...message, value: { encoding: 'base64' as const, data: 'AAAAAAcC', size: 6, schemaError: 'the schema registry does not know schema id 7' } };
  const line = JSON.parse(toJsonLine(failed)) as Record<string, unknown>;
  assert.equal(line.valueSchemaError, 'the schema registry does not know schema id 7');
  assert.equal(line.value, 'AAAAAAcC');
});
