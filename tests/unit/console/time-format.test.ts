import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatClock, formatDateTime, inputValue, parseInput } from '@/lib/format/time';

// One time format everywhere: year first, 24-hour, zone shown; inputs read back what is shown.
// The process runs in Europe/Paris (set below) so "local" is a known zone.
process.env.TZ = 'Europe/Paris';

describe('time format', () => {
  const winter = Date.UTC(2026, 11, 3, 8, 5, 9, 42);
  const summer = Date.UTC(2026, 6, 1, 22, 0, 0);

  it('writes local time with its zone, and UTC on request', () => {
    assert.equal(formatDateTime(winter, 'local'), '2026-12-03 09:05:09 CET');
    assert.equal(formatDateTime(summer, 'local'), '2026-07-02 00:00:00 CEST');
    assert.equal(formatDateTime(winter, 'utc', { millis: true }), '2026-12-03 08:05:09.042 UTC');
    assert.equal(formatClock(winter, 'utc'), '08:05:09');
  });

  it('reads back what it writes, in either zone', () => {
    assert.equal(parseInput(inputValue(new Date(winter).toISOString(), 'local'), 'local'), winter);
    assert.equal(parseInput('2026-12-03 08:05', 'utc'), Date.UTC(2026, 11, 3, 8, 5));
    assert.equal(parseInput('2026-12-03T09:05:09.042', 'local'), winter);
  });

  it('refuses what is not a date-time, or not a real one', () => {
    assert.equal(parseInput('12/03/2026 9:05 AM', 'local'), undefined);
    assert.equal(parseInput('2026-02-31 10:00', 'utc'), undefined);
    assert.equal(parseInput('', 'utc'), undefined);
  });
});
