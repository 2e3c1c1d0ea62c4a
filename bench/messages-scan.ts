import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Kafka, logLevel } from 'kafkajs';
import type { SearchEvent } from '@/lib/api/messages';

// A filtered full scan of 1,000,000 messages of 200 bytes over 6 partitions: the console's search
// API against `kcat -C -e -o beginning -q | grep -c needle` on the same cluster in the same run.
// The cluster runs in its own process so neither reader shares an event loop with it; runs
// alternate and the median of each is reported. Target: console rate / kcat rate >= 1.0.

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const PARTITIONS = 6;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NEEDLE = 'needle-7f3a9c';
const TOPIC = 'scan-bench';
const KCAT = '/usr/bin/kcat';

function startCluster(): Promise<{ child: ChildProcess; bootstrap: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'lib/devcluster/cli.ts'), '--port', '0', '--brokers', '3'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`devcluster exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, bootstrap: line.trim() }));
  });
}

function sh(command: string, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('/bin/sh', ['-c', command], { maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      // grep -c exits 1 when it counts 0: the count is still the answer.
      if (error && !stdout) reject(new Error(`${command}: ${stderr || error.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(input ?? '');
  });
}

/** 200-byte values; one message in the middle of partition 3's share holds the needle. */
function seedInput(): string {
  const lines: string[] = [];
  const needleAt = Math.floor(MESSAGES * 0.7);
  for (let i = 0; i < MESSAGES; i++) {
    const head = `{"id":${i},"status":"${i % 7 === 0 ? 'PAID' : 'NEW'}","note":"${i === needleAt ? NEEDLE : 'hay'}","pad":"`;
    lines.push(`key-${i}\t${head}${'x'.repeat(Math.max(0, 198 - head.length))}"}`);
  }
  return `${lines.join('\n')}\n`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!existsSync(KCAT)) {
    console.log('kcat is not installed at /usr/bin/kcat: this benchmark needs it for the comparison.');
    return;
  }
  const { child, bootstrap } = await startCluster();
  try {
    const kafka = new Kafka({ clientId: 'bench', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const started = performance.now();
    await sh(
      `${KCAT} -P -b ${bootstrap} -t ${TOPIC} -K '\t' -X linger.ms=100 -X batch.num.messages=10000 -X queue.buffering.max.messages=2000000 -X queue.buffering.max.kbytes=2000000`,
      seedInput(),
    );
    console.log(`seeded ${MESSAGES.toLocaleString('en-US')} messages (200 B values) into ${PARTITIONS} partitions with kcat in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const dir = mkdtempSync(join(tmpdir(), 'messages-bench-'));
    writeFileSync(join(dir, 'console.yaml'), `clusters:\n  - name: bench\n    bootstrapServers: [${bootstrap.split(',').map((b) => JSON.stringify(b)).join(', ')}]\n`);
    process.env.CONSOLE_CONFIG = join(dir, 'console.yaml');
    process.env.CONSOLE_AUDIT_FILE = join(dir, 'audit.log');
    const { GET } = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');

    const consoleScan = async () => {
      const url = new URL('http://127.0.0.1:3000/api');
      for (const [k, v] of Object.entries({ start: 'earliest', order: 'asc', value: NEEDLE, scanCap: String(MESSAGES * 2) })) url.searchParams.set(k, v);
      const t0 = performance.now();
      const response = await GET(new Request(url), { params: Promise.resolve({ cluster: 'bench', topic: TOPIC }) });
      const text = await response.text();
      const ms = performance.now() - t0;
      const events = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as SearchEvent);
      const done = events.find((e) => e.type === 'done') as Extract<SearchEvent, { type: 'done' }> | undefined;
      const matches = events.filter((e) => e.type === 'message').length;
      if (!done || done.scanned !== MESSAGES || matches !== 1) throw new Error(`console scan wrong: ${matches} matches, ${JSON.stringify(done)} ${response.status} ${text.slice(0, 300)}`);
      return ms;
    };
    const kcatScan = async () => {
      const t0 = performance.now();
      const out = await sh(`${KCAT} -C -b ${bootstrap} -t ${TOPIC} -e -o beginning -q | grep -c ${NEEDLE}`);
      const ms = performance.now() - t0;
      if (out.trim() !== '1') throw new Error(`kcat scan found ${out.trim()} needles`);
      return ms;
    };

    // One untimed run of each: connections, versions and JIT warm up.
    await consoleScan();
    await kcatScan();
    const consoleMs: number[] = [];
    const kcatMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      kcatMs.push(await kcatScan());
      consoleMs.push(await consoleScan());
    }
    const rate = (ms: number) => Math.round(MESSAGES / (ms / 1000));
    const c = median(consoleMs);
    const k = median(kcatMs);
    console.log(`console search API  ${c.toFixed(0).padStart(6)} ms  ${rate(c).toLocaleString('en-US').padStart(10)} msg/s   (runs: ${consoleMs.map((x) => x.toFixed(0)).join(', ')} ms)`);
    console.log(`kcat | grep -c      ${k.toFixed(0).padStart(6)} ms  ${rate(k).toLocaleString('en-US').padStart(10)} msg/s   (runs: ${kcatMs.map((x) => x.toFixed(0)).join(', ')} ms)`);
    const ratio = rate(c) / rate(k);
    console.log(`ratio console/kcat  ${ratio.toFixed(2)}   target >= 1.0: ${ratio >= 1 ? 'met' : 'MISSED'}`);
    const { closeProtocolClient } = await import('@/lib/kafka/protocol-pool');
    await closeProtocolClient('bench');
  } finally {
    child.kill('SIGTERM');
  }
  process.exit(0);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
