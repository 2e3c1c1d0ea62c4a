import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

// Runs every benchmark in this folder (except this file), one after the other, each in its own
// process so one cluster's leftovers cannot skew the next figure. Exits non-zero if any failed.
const dir = __dirname;
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .sort();
const only = process.argv.slice(2);
let failed = 0;
for (const file of benches) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  console.log(`\n=== bench/${file} ===`);
  const res = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' });
  if (res.status !== 0) {
    failed++;
    console.log(`bench/${file} failed (exit ${res.status})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
