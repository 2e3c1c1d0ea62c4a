import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { playwrightCounts, type PlaywrightReport } from './playwright-report';

// Runs every suite (typecheck, lint, unit, integration, e2e), keeps going after a failure, and
// ends with one line that sums them all: "N passed, N failed" (CI parses that last line).
// `npm test -- unit integration` runs only the named suites.

interface Counts {
  passed: number;
  /** Includes flaky tests: a test that needed a retry to pass is a defect. */
  failed: number;
  skipped: number;
  /** Playwright tests that failed first and passed on a retry. */
  flaky?: string[];
}

const nodeTest = ['--conditions=react-server', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1'];

const suites: Record<string, () => Promise<Counts>> = {
  typecheck: () => single('npx', ['tsc', '--noEmit', '-p', '.']),
  lint: () => single('npx', ['eslint', '--max-warnings=0', '.']),
  unit: () => nodeSuite('tests/unit'),
  integration: () => nodeSuite('tests/integration'),
  e2e: e2e,
};

async function main() {
  const wanted = process.argv.slice(2).filter((a) => a in suites);
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const flaky: string[] = [];
  const lines: string[] = [];
  for (const name of wanted.length ? wanted : Object.keys(suites)) {
    console.log(`\n=== ${name} ===`);
    const started = Date.now();
    const counts = await suites[name]();
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    flaky.push(...(counts.flaky ?? []));
    const flakyPart = counts.flaky ? `, ${counts.flaky.length} flaky` : '';
    lines.push(`${name.padEnd(12)} ${counts.passed} passed, ${counts.failed} failed${flakyPart}, ${counts.skipped} skipped (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  console.log(`\n${lines.join('\n')}`);
  if (flaky.length) console.log(`flaky (counted as failed): ${flaky.join('; ')}`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

/** A tool that is one check: it passes or fails as a whole. */
async function single(command: string, args: string[]): Promise<Counts> {
  const { code } = await run(command, args);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

async function nodeSuite(dir: string): Promise<Counts> {
  const files = findFiles(dir, '.test.ts');
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0 };
  const { code, output } = await run(process.execPath, [...nodeTest, ...files]);
  const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)`, 'm').exec(output)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  // A crash before the summary still has to count as a failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function e2e(): Promise<Counts> {
  const build = await run('npx', ['next', 'build']);
  if (build.code !== 0) return { passed: 0, failed: 1, skipped: 0 };
  const report = 'test-results/e2e-report.json';
  const { code } = await run('npx', ['playwright', 'test']);
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const counts = playwrightCounts(JSON.parse(readFileSync(report, 'utf8')) as PlaywrightReport);
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function findFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? findFiles(path, suffix) : path.endsWith(suffix) ? [path] : [];
    })
    .sort();
}

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (chunk: Buffer, to: NodeJS.WriteStream) => {
      output += chunk.toString();
      to.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => forward(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => forward(c, process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

void main();
