import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resetRequest } from '@/lib/api/groups';

// A reset "to a date and time" must not depend on the server's time zone.

const issues = (datetime: string) => {
  const r = resetRequest.safeParse({ scope: { type: 'all' }, strategy: { type: 'datetime', datetime } });
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
};

test('a date-time without a zone is refused, naming strategy.datetime', () => {
  for (const s of ['2024-05-01T12:00', '2024-05-01T12:00:00.000', '2024-05-01']) {
    const [[field, message]] = issues(s);
    assert.equal(field, 'strategy.datetime', s);
    assert.match(message, /time zone/, s);
  }
  assert.equal(issues('yesterday-ish')[0][0], 'strategy.datetime');
});

test('Z, an offset or epoch milliseconds are accepted', () => {
  for (const s of ['2024-05-01T12:00:00Z', '2024-05-01T12:00:00.123Z', '2024-05-01T14:00+02:00', '1714564800000']) {
    assert.deepEqual(issues(s), [], s);
  }
});
