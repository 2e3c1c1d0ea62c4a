import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { AuditEntry } from '@/lib/api/audit';
import { readAuditPage } from '@/lib/server/audit-read';

const dir = mkdtempSync(join(tmpdir(), 'audit-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function entry(i: number, patch: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
    clientAddress: '10.0.0.1',
    cluster: 'main',
    action: i % 2 ? 'topic.create' : 'topic.delete',
    target: `topic-${i}`,
    outcome: i % 3 === 0 ? 'failure' : 'success',
    durationMs: i,
    ...patch,
  };
}

function writeLog(name: string, entries: AuditEntry[]): string {
  const file = join(dir, name);
  writeFileSync(file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return file;
}

describe('readAuditPage', () => {
  it('returns the newest first and pages backwards with the cursor until the start', async () => {
    const file = writeLog('paging.log', Array.from({ length: 25 }, (_, i) => entry(i)));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await readAuditPage(file, {}, cursor, 10);
      seen.push(...page.entries.map((e) => e.target));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    assert.deepEqual(seen, Array.from({ length: 25 }, (_, i) => `topic-${24 - i}`));
  });

  it('filters by cluster, action prefix, outcome, target, user, time and text', async () => {
    const file = writeLog('filters.log', [
      entry(1, { user: 'alice', parameters: { configs: { 'retention.ms': '42' } } }),
      entry(2, { cluster: 'other' }),
      entry(3, { action: 'topic.configs.alter', target: 'Payments' }),
      entry(4, { outcome: 'refused', clientAddress: '192.168.1.9' }),
      entry(5, { action: 'group.offsets.reset', target: 'billing' }),
    ]);
    const targets = async (filter: Parameters<typeof readAuditPage>[1]) =>
      (await readAuditPage(file, { cluster: 'main', ...filter }, undefined, 50)).entries.map((e) => e.target);
    assert.deepEqual(await targets({}), ['billing', 'topic-4', 'Payments', 'topic-1']);
    assert.deepEqual(await targets({ action: 'topic' }), ['topic-4', 'Payments', 'topic-1']);
    assert.deepEqual(await targets({ action: 'topic.configs' }), ['Payments']);
    assert.deepEqual(await targets({ action: 'topic.c' }), [], 'prefixes match whole dotted words only');
    assert.deepEqual(await targets({ outcome: 'refused' }), ['topic-4']);
    assert.deepEqual(await targets({ target: 'pay' }), ['Payments'], 'target matches case-insensitively');
    assert.deepEqual(await targets({ user: 'ALICE' }), ['topic-1']);
    assert.deepEqual(await targets({ user: '192.168' }), ['topic-4'], 'user also matches the client address');
    assert.deepEqual(await targets({ q: 'retention.ms' }), ['topic-1'], 'text searches parameters too');
    assert.deepEqual(
      await targets({ from: entry(3).time, to: entry(4).time }),
      ['topic-4', 'Payments'],
      'time range is inclusive',
    );
  });

  it('skips a line cut short by a crash and reads multi-byte text across chunk edges', async () => {
    const file = join(dir, 'torn.log');
    const padding = 'é'.repeat(40_000);
    writeFileSync(file, `${JSON.stringify(entry(1, { target: padding }))}\n${JSON.stringify(entry(2))}\n{"time":"2025-01-01`);
    const page = await readAuditPage(file, {}, undefined, 10);
    assert.deepEqual(page.entries.map((e) => e.target.length), [7, 40_000]);
    assert.equal(page.entries[1].target, padding);
    appendFileSync(file, '\n');
  });

  it('treats a missing file as an empty log', async () => {
    const page = await readAuditPage(join(dir, 'absent.log'), {}, undefined, 10);
    assert.deepEqual(page, { entries: [], nextCursor: null, scanned: 0 });
  });
});
