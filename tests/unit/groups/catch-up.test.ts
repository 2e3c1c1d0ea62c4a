import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRate } from '@/components/groups/format';
import { catchUpVerdict } from '@/lib/lag/trend';

describe('catchUpVerdict', () => {
  it('gives no estimate and no alarm for a healthy group with messages in flight', () => {
    assert.deepEqual(catchUpVerdict('OK', 12, null, 40), { kind: 'keeping-up' });
    assert.deepEqual(catchUpVerdict('OK', 12, 3, 40), { kind: 'keeping-up' });
  });

  it('says caught up at lag 0 whatever the verdict', () => {
    assert.deepEqual(catchUpVerdict('OK', 0, null, 0), { kind: 'caught-up' });
    assert.deepEqual(catchUpVerdict('WARN', 0, null, 0), { kind: 'caught-up' });
  });

  it('estimates only for a group that is behind', () => {
    assert.deepEqual(catchUpVerdict('WARN', 500, 25, 40), { kind: 'estimate', seconds: 25 });
    assert.deepEqual(catchUpVerdict('WARN', 500, null, 40), { kind: 'not-at-current-rates' });
  });

  it('says a stopped or idle group never catches up', () => {
    assert.deepEqual(catchUpVerdict('STOP', 500, null, null), { kind: 'not-consuming' });
    assert.deepEqual(catchUpVerdict('STALL', 500, null, 0), { kind: 'not-consuming' });
  });
});

describe('formatRate', () => {
  it('never writes -0/s', () => {
    assert.equal(formatRate(-0.004), '0/s');
    assert.equal(formatRate(-0), '0/s');
    assert.equal(formatRate(0.004), '0/s');
  });

  it('keeps the digits that matter', () => {
    assert.equal(formatRate(-0.25), '-0.25/s');
    assert.equal(formatRate(12.34), '12.3/s');
    assert.equal(formatRate(1234.5), '1,235/s');
    assert.equal(formatRate(null), '–');
  });
});
