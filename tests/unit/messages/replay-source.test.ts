import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replaySource, type SourceFields } from '@/components/messages/replay-source';

const fields: SourceFields = { selection: [{ partition: 1, offset: 7 }], partition: '2', from: '10', to: '20', fromTime: '', toTime: '' };

describe('replay form source', () => {
  it('chosen messages are replayed as chosen', () => {
    assert.deepEqual(replaySource('messages', fields), { source: { mode: 'messages', messages: [{ partition: 1, offset: 7 }] }, errors: {} });
  });

  it('an offset range becomes numbers, and a backwards or non-numeric range is refused on its field', () => {
    assert.deepEqual(replaySource('offsets', fields), { source: { mode: 'offsets', partition: 2, from: 10, to: 20 }, errors: {} });
    assert.deepEqual(replaySource('offsets', { ...fields, to: '5' }).errors, { 'source.to': 'The last offset must not be before the first' });
    assert.deepEqual(replaySource('offsets', { ...fields, from: 'x', to: '' }).errors, { 'source.from': 'A whole number', 'source.to': 'A whole number' });
  });

  it('a time range needs both ends', () => {
    assert.deepEqual(Object.keys(replaySource('time', fields).errors).sort(), ['source.from', 'source.to']);
    const both = replaySource('time', { ...fields, fromTime: '2026-01-01T00:00:00Z', toTime: '2026-01-02T00:00:00Z' });
    assert.deepEqual(both, { source: { mode: 'time', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, errors: {} });
  });
});
