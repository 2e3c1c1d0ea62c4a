import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '@/lib/api/audit';
import { readAuditPage } from '@/lib/server/audit-read';

// The audit page on a large log: 500,000 entries (~110 MB). Reading backwards from the end, the
// newest page costs the same however long the log is; a filter matching little reads until it
// has a page or hits the scan cap. Fails if the unfiltered newest page takes 50 ms or more once the reader is warm.

const ENTRIES = 500_000;
const LIMIT_MS = 50;

function entry(i: number): AuditEntry {
  return {
    time: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
    user: `user-${i % 17}`,
    clientAddress: `10.0.${i % 256}.${i % 200}`,
    cluster: i % 10 === 0 ? 'staging' : 'production',
    action: ['topic.create', 'topic.configs.alter', 'topic.delete', 'group.reset-offsets'][i % 4],
    target: `topic-${i % 5000}`,
    parameters: { set: { 'retention.ms': String(i) }, validateOnly: false },
    outcome: i % 49 === 0 ? 'failure' : 'success',
    durationMs: i % 300,
  };
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  const ms = performance.now() - t;
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms`);
  return { ms, value };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-audit-'));
  const file = path.join(dir, 'audit.log');
  try {
    const lines: string[] = [];
    for (let i = 0; i < ENTRIES; i++) lines.push(JSON.stringify(entry(i)));
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`wrote ${ENTRIES.toLocaleString('en-US')} entries`);

    // The first read after start also pays for loading and compiling the reader; the limit is for
    // the page an operator gets on every later visit.
    await timed('newest 50, first read after start', () => readAuditPage(file, { cluster: 'production' }, undefined, 50));
    const first = await timed('newest 50 (no filter)', () => readAuditPage(file, { cluster: 'production' }, undefined, 50));
    let cursor = first.value.nextCursor;
    for (let page = 2; page <= 3 && cursor; page++) {
      const next = await timed(`page ${page} by cursor`, () => readAuditPage(file, { cluster: 'production' }, cursor ?? undefined, 50));
      cursor = next.value.nextCursor;
    }
    const failures = await timed('50 failures (1 in 49 entries)', () => readAuditPage(file, { cluster: 'production', outcome: 'failure' }, undefined, 50));
    console.log(`  scanned ${failures.value.scanned.toLocaleString('en-US')} lines`);
    const rare = await timed('one target, text search (scans to the cap)', () => readAuditPage(file, { cluster: 'production', q: 'topic-4321"' }, undefined, 50));
    console.log(`  scanned ${rare.value.scanned.toLocaleString('en-US')} lines, found ${rare.value.entries.length}`);
    if (first.ms >= LIMIT_MS) {
      console.log(`FAIL: the newest page took ${first.ms.toFixed(1)} ms (limit ${LIMIT_MS} ms)`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
