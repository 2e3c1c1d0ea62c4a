import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestUnit, formatAmount, INT_MAX, toBaseUnits } from '@/lib/topics/units';

describe('toBaseUnits', () => {
  it('converts durations to milliseconds exactly', () => {
    assert.deepEqual(toBaseUnits('7', 'duration', 'd'), { ok: true, value: '604800000' });
    assert.deepEqual(toBaseUnits('1.5', 'duration', 'h'), { ok: true, value: '5400000' });
    assert.deepEqual(toBaseUnits('250', 'duration', 'ms'), { ok: true, value: '250' });
    assert.deepEqual(toBaseUnits(' 30 ', 'duration', 'min'), { ok: true, value: '1800000' });
  });

  it('converts sizes to bytes with binary units', () => {
    assert.deepEqual(toBaseUnits('1', 'bytes', 'GiB'), { ok: true, value: '1073741824' });
    assert.deepEqual(toBaseUnits('0.5', 'bytes', 'KiB'), { ok: true, value: '512' });
    assert.deepEqual(toBaseUnits('1000', 'bytes', 'TiB'), { ok: true, value: '1099511627776000' }, 'beyond 2^53 stays exact');
  });

  it('refuses what is not a whole number of the base unit, negatives and text', () => {
    assert.equal(toBaseUnits('0.0001', 'duration', 's').ok, false);
    assert.match((toBaseUnits('1.3', 'bytes', 'B') as { error: string }).error, /not a whole number of bytes/);
    assert.equal(toBaseUnits('-1', 'duration', 'ms').ok, false);
    assert.equal(toBaseUnits('abc', 'duration', 'ms').ok, false);
    assert.equal(toBaseUnits('', 'duration', 'ms').ok, false);
    assert.equal(toBaseUnits('1e3', 'duration', 'ms').ok, false);
  });

  it('refuses values beyond the config type', () => {
    assert.equal(toBaseUnits('2', 'bytes', 'GiB', INT_MAX).ok, false, '2 GiB does not fit an int config');
    assert.equal(toBaseUnits('1', 'bytes', 'GiB', INT_MAX).ok, true);
    assert.equal(toBaseUnits('999999999999', 'duration', 'd').ok, false, 'beyond Long.MAX');
  });
});

describe('bestUnit and formatAmount', () => {
  it('picks the largest unit that is exact', () => {
    assert.deepEqual(bestUnit('604800000', 'duration'), { amount: '7', unit: 'd' });
    assert.deepEqual(bestUnit('5400000', 'duration'), { amount: '90', unit: 'min' });
    assert.deepEqual(bestUnit('1073741824', 'bytes'), { amount: '1', unit: 'GiB' });
    assert.deepEqual(bestUnit('1048588', 'bytes'), { amount: '1048588', unit: 'B' });
    assert.deepEqual(bestUnit('0', 'bytes'), { amount: '0', unit: 'B' });
  });

  it('reads values the way an operator says them', () => {
    assert.equal(formatAmount('604800000', 'duration'), '7 days');
    assert.equal(formatAmount('3600000', 'duration'), '1 hour');
    assert.equal(formatAmount('5400000', 'duration'), '1.5 hours');
    assert.equal(formatAmount('1073741824', 'bytes'), '1 GiB');
    assert.equal(formatAmount('1048588', 'bytes'), '1 MiB', 'rounded for reading');
    assert.equal(formatAmount('-1', 'duration'), 'unlimited');
    assert.equal(formatAmount('9223372036854775807', 'duration'), 'unlimited');
    assert.equal(formatAmount(null, 'bytes'), '—');
    assert.equal(formatAmount('500', 'duration'), '500 ms');
  });
});

describe('formatAmount rounding', () => {
  it('keeps the zeros of whole numbers', () => {
    assert.equal(formatAmount(String(100 * 1024 * 1024 + 1), 'bytes'), '100 MiB');
    assert.equal(formatAmount(String(1536), 'bytes'), '1.5 KiB');
  });
});
