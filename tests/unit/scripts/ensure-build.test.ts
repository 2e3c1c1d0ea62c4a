import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ensureBuild } from '@/scripts/ensure-build';

// A throw-away project whose `next` is a small script: it records each build and writes a BUILD_ID,
// so the test sees exactly when ensureBuild decides to build.
const root = mkdtempSync(join(tmpdir(), 'ensure-build-'));
after(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};
write('node_modules/next/dist/bin/next', `
const fs = require('node:fs');
const dist = process.env.NEXT_DIST_DIR;
fs.mkdirSync(dist, { recursive: true });
fs.writeFileSync(dist + '/BUILD_ID', 'b');
fs.appendFileSync('builds.log', process.argv[2] + ' ' + dist + '\\n');
`);
write('package.json', '{}');
write('app/page.tsx', 'export default 1;');
write('lib/a.ts', 'export const a = 1;');

const builds = () => readFileSync(join(root, 'builds.log'), 'utf8').trim().split('\n');
const quiet = async (fn: () => Promise<void>) => {
  const log = console.log;
  console.log = () => undefined;
  try {
    await fn();
  } finally {
    console.log = log;
  }
};

describe('ensureBuild', () => {
  it('builds when there is no build, then not again until a source changes', async () => {
    await quiet(() => ensureBuild({ root, distDir: '.next-test' }));
    assert.deepEqual(builds(), ['build .next-test']);

    await quiet(() => ensureBuild({ root, distDir: '.next-test' }));
    assert.equal(builds().length, 1);

    // Same size, later modification time: an edit that only a timestamp reveals.
    write('lib/a.ts', 'export const a = 2;');
    utimesSync(join(root, 'lib/a.ts'), new Date(), new Date(Date.now() + 5_000));
    await quiet(() => ensureBuild({ root, distDir: '.next-test' }));
    assert.equal(builds().length, 2);

    write('lib/new-file.ts', 'export {};');
    await quiet(() => ensureBuild({ root, distDir: '.next-test' }));
    assert.equal(builds().length, 3);

    write('package.json', '{"name":"x"}');
    await quiet(() => ensureBuild({ root, distDir: '.next-test' }));
    assert.equal(builds().length, 4);

    await quiet(() => ensureBuild({ root, distDir: '.next-test' }));
    assert.equal(builds().length, 4);
  });

  it('builds again when the build directory lost its build', async () => {
    rmSync(join(root, '.next-test/BUILD_ID'));
    const before = builds().length;
    await quiet(() => ensureBuild({ root, distDir: '.next-test' }));
    assert.equal(builds().length, before + 1);
  });

  it('rejects when the build fails, and leaves no stamp behind', async () => {
    write('node_modules/next/dist/bin/next', 'process.exit(3);');
    write('lib/b.ts', 'export {};');
    await assert.rejects(quiet(() => ensureBuild({ root, distDir: '.next-other' })), /exit 3/);
    assert.throws(() => readFileSync(join(root, '.next-other/source-stamp')));
  });
});
