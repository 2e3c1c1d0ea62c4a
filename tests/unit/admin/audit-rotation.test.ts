import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { AuditEntry } from '@/lib/api/audit';
import { loadConfig } from '@/lib/config/load';
import { parseByteSize } from '@/lib/config/audit';
import { configureConsole } from './console-env';

// The audit file rotates by size and keeps a number of older files; the audit reader pages
// across them newest first, and its cursor stays valid while the files rotate along.

const MAX_BYTES = 4096;
const KEEP = 2;
const env = configureConsole();
process.env.CONSOLE_AUDIT_MAX_BYTES = String(MAX_BYTES);
process.env.CONSOLE_AUDIT_KEEP_FILES = String(KEEP);
after(() => {
  delete process.env.CONSOLE_AUDIT_MAX_BYTES;
  delete process.env.CONSOLE_AUDIT_KEEP_FILES;
  env.cleanup();
});

const auditFile = process.env.CONSOLE_AUDIT_FILE!;
let written = 0;

async function write(count: number): Promise<void> {
  const { recordAudit } = await import('@/lib/server/audit');
  for (let i = 0; i < count; i++, written++) {
    await recordAudit({
      time: new Date(Date.UTC(2025, 0, 1) + written * 1000).toISOString(),
      clientAddress: '10.0.0.1',
      cluster: 'main',
      action: 'topic.create',
      target: `t-${written}`,
      parameters: { padding: 'x'.repeat(200 + (written % 7) * 10) },
      outcome: 'success',
      durationMs: 1,
    });
  }
}

function files(): string[] {
  return readdirSync(dirname(auditFile)).filter((n) => n.startsWith('audit.log')).sort();
}

function entriesIn(name: string): string[] {
  return readFileSync(join(dirname(auditFile), name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as AuditEntry).target);
}

async function readAll(limit: number, cursor?: string): Promise<{ targets: string[]; pages: number }> {
  const { readAuditPage } = await import('@/lib/server/audit-read');
  const targets: string[] = [];
  let pages = 0;
  for (; pages < 1000; pages++) {
    const page = await readAuditPage(auditFile, { cluster: 'main' }, cursor, limit);
    targets.push(...page.entries.map((e) => e.target));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { targets, pages: pages + 1 };
}

const newestFirst = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `t-${to - 1 - i}`);

describe('audit rotation', () => {
  it('rotates before the file passes the size and keeps the newest rotated files', async () => {
    await write(80);
    const names = files();
    assert.deepEqual(names.length, KEEP + 1, names.join(', '));
    for (const n of names) assert.ok(statSync(join(dirname(auditFile), n)).size <= MAX_BYTES, `${n} is over the limit`);
    const rotated = names.filter((n) => n !== 'audit.log').map((n) => Number(n.split('.').pop()));
    assert.equal(rotated[1] - rotated[0], 1, 'the two newest rotated files are kept');
    assert.ok(rotated[0] > 1, 'older rotated files were deleted');
    // What is kept is the newest run of entries, with nothing missing in between.
    const kept = [...entriesIn(`audit.log.${rotated[0]}`), ...entriesIn(`audit.log.${rotated[1]}`), ...entriesIn('audit.log')];
    const oldest = Number(kept[0].slice(2));
    assert.deepEqual(kept, Array.from({ length: written - oldest }, (_, i) => `t-${oldest + i}`));
    assert.ok(oldest > 0);
  });

  it('pages across the current and rotated files newest first, every entry once', async () => {
    const kept = files().flatMap(entriesIn).length;
    const { targets, pages } = await readAll(7);
    assert.equal(targets.length, kept);
    assert.deepEqual(targets, newestFirst(written - kept, written));
    assert.ok(pages > 2);
    // Page sizes that end exactly at a file's first line continue into the older file too.
    for (const limit of [1, entriesIn('audit.log').length, 50]) assert.deepEqual((await readAll(limit)).targets, targets, `limit ${limit}`);
  });

  it('a cursor keeps its place when the files rotate between pages', async () => {
    const { readAuditPage } = await import('@/lib/server/audit-read');
    await write(1);
    while (entriesIn('audit.log').length < 3) await write(1);
    const before = written;
    const first = await readAuditPage(auditFile, { cluster: 'main' }, undefined, 2);
    assert.deepEqual(first.entries.map((e) => e.target), newestFirst(before - 2, before));
    const generationsBefore = files().join();
    while (files().join() === generationsBefore) await write(1);
    const rest = await readAll(6, first.nextCursor!);
    // The rest continues exactly below the first page: what was current is now the newest rotated file.
    const oldest = Number(rest.targets[rest.targets.length - 1].slice(2));
    assert.deepEqual(rest.targets, newestFirst(oldest, before - 2));
    assert.ok(rest.targets.length > entriesIn('audit.log').length, 'it went on into the older file');
  });

  it('reads a cursor without a file (from before rotation) in the current file', async () => {
    const { readAuditPage } = await import('@/lib/server/audit-read');
    const size = statSync(auditFile).size;
    const page = await readAuditPage(auditFile, { cluster: 'main' }, String(size), 1);
    assert.deepEqual(page.entries.map((e) => e.target), [`t-${written - 1}`]);
  });
});

describe('audit rotation settings', () => {
  const yaml = (audit: string) => {
    const file = join(dirname(auditFile), 'rotation.yaml');
    writeFileSync(file, `${audit}\nclusters:\n  - name: main\n    bootstrapServers: ["127.0.0.1:1"]\n`);
    return file;
  };

  it('defaults to 50 MB and 5 files, reads the YAML file, and lets the environment win', () => {
    assert.deepEqual(pick(loadConfig({ KAFKA_BROKERS: '127.0.0.1:1' })), { maxBytes: 50 * 1024 * 1024, keepFiles: 5 });
    const file = yaml('audit: { maxBytes: 10MB, keepFiles: 3 }');
    assert.deepEqual(pick(loadConfig({ CONSOLE_CONFIG: file })), { maxBytes: 10 * 1024 * 1024, keepFiles: 3 });
    assert.deepEqual(pick(loadConfig({ CONSOLE_CONFIG: file, CONSOLE_AUDIT_MAX_BYTES: '65536', CONSOLE_AUDIT_KEEP_FILES: '0' })), { maxBytes: 65536, keepFiles: 0 });
  });

  it('reports bad sizes and counts with the setting named', () => {
    assert.throws(() => loadConfig({ KAFKA_BROKERS: '127.0.0.1:1', CONSOLE_AUDIT_MAX_BYTES: 'lots', CONSOLE_AUDIT_KEEP_FILES: '-1' }), (e: Error) => {
      assert.match(e.message, /CONSOLE_AUDIT_MAX_BYTES/);
      assert.match(e.message, /CONSOLE_AUDIT_KEEP_FILES/);
      return true;
    });
    assert.throws(() => loadConfig({ CONSOLE_CONFIG: yaml('audit: { maxBytes: 10 }') }), /audit\.maxBytes/);
  });

  it('parses sizes with units', () => {
    assert.equal(parseByteSize('50MB'), 50 * 1024 * 1024);
    assert.equal(parseByteSize('512 KiB'), 512 * 1024);
    assert.equal(parseByteSize('1g'), 1024 ** 3);
    assert.equal(parseByteSize('4096'), 4096);
    assert.equal(parseByteSize('1.5MB'), undefined);
  });
});

function pick(config: ReturnType<typeof loadConfig>) {
  return { maxBytes: config.audit.maxBytes, keepFiles: config.audit.keepFiles };
}
