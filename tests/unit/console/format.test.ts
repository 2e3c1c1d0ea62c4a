import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatCount } from '@/components/ui/format';

test('formatBytes uses binary units with one decimal below 10', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(1.2 * 1024 ** 3), '1.2 GiB');
  assert.equal(formatBytes(15 * 1024 ** 2), '15 MiB');
  assert.equal(formatBytes(1023.9 * 1024), '1 MiB');
  assert.equal(formatBytes(null), '—');
});

test('formatCount abbreviates from ten thousand and keeps exact smaller numbers', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(9_999), '9,999');
  assert.equal(formatCount(12_345), '12.3K');
  assert.equal(formatCount(1_234_567), '1.2M');
  assert.equal(formatCount(999_960), '1M');
  assert.equal(formatCount(250_000_000), '250M');
  assert.equal(formatCount(3_000_000_000), '3B');
  assert.equal(formatCount(undefined), '—');
});
