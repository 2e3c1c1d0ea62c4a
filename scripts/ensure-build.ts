import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// `npm start` used to run `next build` every time (over a minute on a small machine). This builds
// only when there is no build yet, or when a source the build reads changed since the last one.
// A change is seen by path, size and modification time: cheap enough to check on every start,
// and a checkout or an edit always touches the modification time. Root files are few and small
// and are hashed by content, because `next build` itself may rewrite tsconfig.json.

/** Directories whose every file is a build input. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
/** Files at the root that change what Next builds (missing ones are skipped). */
const ROOT_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'next.config.js',
  'next.config.mjs',
  'next.config.ts',
  'postcss.config.mjs',
  'instrumentation.ts',
  'middleware.ts',
  'proxy.ts',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
];
const STAMP_FILE = 'source-stamp';

export interface EnsureBuildOptions {
  /** The build directory (default: NEXT_DIST_DIR, else `.next`, as next.config.js). */
  distDir?: string;
  /** The project root (default: the current directory). */
  root?: string;
}

/** Runs `next build` unless the build in distDir was made from the sources as they are now. */
export async function ensureBuild(options: EnsureBuildOptions = {}): Promise<void> {
  const root = path.resolve(options.root ?? '.');
  const distDir = options.distDir ?? (process.env.NEXT_DIST_DIR || '.next');
  const stampPath = path.join(root, distDir, STAMP_FILE);
  if (isCurrent(root, distDir, stampPath, sourceStamp(root))) {
    console.log(`[build] ${distDir} was built from the current sources; not rebuilding.`);
    return;
  }
  await nextBuild(root, distDir);
  // Taken after the build, which may have touched tsconfig.json (and nothing else among the inputs).
  writeFileSync(stampPath, sourceStamp(root));
}

/** A hash of the root inputs' contents and every source file's path, size and modification time. */
export function sourceStamp(root: string): string {
  const hash = createHash('sha256');
  for (const file of ROOT_FILES.filter((f) => existsSync(path.join(root, f)))) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\n');
  }
  for (const file of SOURCE_DIRS.flatMap((d) => listFiles(root, d))) {
    const s = statSync(path.join(root, file));
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function isCurrent(root: string, distDir: string, stampPath: string, stamp: string): boolean {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID')) || !existsSync(stampPath)) return false;
  return readFileSync(stampPath, 'utf8') === stamp;
}

function listFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((entry) => {
      const rel = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(root, rel) : [rel];
    })
    .sort();
}

function nextBuild(root: string, distDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = require.resolve('next/dist/bin/next', { paths: [root] });
    const child = spawn(process.execPath, [next, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: distDir } });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}

if (require.main === module) {
  ensureBuild().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
