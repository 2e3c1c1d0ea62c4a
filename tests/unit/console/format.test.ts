import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from '@/lib/format/duration';
import { formatBytes, formatCount, formatExact } from '@/lib/format/number';
import { formatAgo } from '@/components/groups/format';

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

test('formatExact writes every digit, with separators', () => {
  assert.equal(formatExact(12_345), '12,345');
  assert.equal(formatExact(0), '0');
  assert.equal(formatExact(null), 'unknown');
});

test('formatDuration shows seconds under ten minutes and minutes under two days', () => {
  assert.equal(formatDuration(-5_000), '0 s');
  assert.equal(formatDuration(1_499), '1 s');
  assert.equal(formatDuration(59_600), '1 min');
  assert.equal(formatDuration(200_000), '3 min 20 s');
  assert.equal(formatDuration(180_000), '3 min');
  assert.equal(formatDuration(605_000), '10 min');
  assert.equal(formatDuration(2 * 3_600_000 + 5 * 60_000 + 30_000), '2 h 5 min');
  assert.equal(formatDuration(47 * 3_600_000), '47 h');
  assert.equal(formatDuration(3 * 86_400_000 + 3_600_000), '3 d');
});

test('formatAgo says how long ago, or that nothing changed', () => {
  assert.equal(formatAgo(1_000, 91_000), '1 min 30 s ago');
  assert.equal(formatAgo(null), 'no change seen');
});
