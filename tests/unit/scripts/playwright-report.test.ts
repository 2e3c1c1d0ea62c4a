import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { playwrightCounts } from '@/scripts/playwright-report';

describe('playwrightCounts', () => {
  it('counts flaky tests as failed and names them', () => {
    const counts = playwrightCounts({
      stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 2 },
      suites: [
        {
          title: 'groups.spec.ts',
          specs: [
            { title: 'lists groups', tests: [{ status: 'expected' }] },
            { title: 'resets offsets', tests: [{ status: 'flaky' }] },
          ],
          suites: [{ title: 'lag', specs: [{ title: 'shows lag', tests: [{ status: 'unexpected' }] }] }],
        },
      ],
    });
    assert.deepEqual(counts, { passed: 3, failed: 2, skipped: 2, flaky: ['groups.spec.ts › resets offsets'] });
  });

  it('reads a report without suites (the run crashed before any test)', () => {
    assert.deepEqual(playwrightCounts({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 } }), { passed: 0, failed: 0, skipped: 0, flaky: [] });
  });
});
