import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Kafka, logLevel } from 'kafkajs';

// Server memory and connections under the reads that used to cost the most: four parallel
// browses of 128 KiB messages (limit 10,000 each, both directions), and many live tails at
// once on a topic that keeps receiving messages. The cluster runs in its own process, so the
// RSS and sockets measured here are the console's alone. Peak RSS comes from the kernel (VmHWM,
// reset before each phase). The limits are the defaults except the tail limits, raised so the
// run shows both how many tails are served and that the rest are refused.

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_200);
const VALUE_BYTES = 128 * 1024;
const PARALLEL = 4;
const TAILS = Number(process.env.BENCH_TAILS ?? 250);
const TAILS_ALLOWED = 200;
const TOPIC = 'memory-bench';
const LIVE = 'memory-bench-live';
const MiB = 1024 * 1024;
/** The stated bound: four parallel browses at the default 8 MiB budget stay within this over the idle process. */
const BROWSE_BOUND = 300 * MiB;

process.env.CONSOLE_TAILS_PER_USER = String(TAILS_ALLOWED);
process.env.CONSOLE_TAILS_PER_CLUSTER = String(TAILS_ALLOWED);

function startCluster(): Promise<{ child: ChildProcess; bootstrap: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'lib/devcluster/cli.ts'), '--port', '0', '--brokers', '3'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`devcluster exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, bootstrap: line.trim() }));
  });
}

const status = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
const rss = () => process.memoryUsage().rss;
/** Resets the kernel's peak-RSS mark (VmHWM) where Linux allows it. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
const mb = (bytes: number) => `${(bytes / MiB).toFixed(0)} MB`;
const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Peak RSS during `work`: the kernel's mark when it can be reset, else sampled every 5 ms. */
async function peakDuring<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  global.gc?.();
  const exact = resetPeak();
  let sampled = rss();
  const timer = setInterval(() => (sampled = Math.max(sampled, rss())), 5);
  try {
    const result = await work();
    return { result, peak: Math.max(sampled, exact ? status('VmHWM') : 0) };
  } finally {
    clearInterval(timer);
  }
}

/** Reads a body to its end without keeping it, as a socket would. */
async function drain(response: Response): Promise<number> {
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

async function main() {
  const { child, bootstrap } = await startCluster();
  try {
    const kafka = new Kafka({ clientId: 'bench', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: TOPIC, numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: String(8 * MiB) }] },
        { topic: LIVE, numPartitions: 3, replicationFactor: 1 },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const started = performance.now();
    for (let i = 0; i < MESSAGES; i += 30) {
      const value = Buffer.alloc(VALUE_BYTES, 0x61 + (i % 26));
      await producer.send({ topic: TOPIC, messages: Array.from({ length: Math.min(30, MESSAGES - i) }, (_, j) => ({ partition: (i + j) % 3, key: `k${i + j}`, value })) });
    }
    console.log(`seeded ${MESSAGES.toLocaleString('en-US')} messages of 128 KiB (${mb(MESSAGES * VALUE_BYTES)}) into 3 partitions in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const dir = mkdtempSync(join(tmpdir(), 'memory-bench-'));
    writeFileSync(join(dir, 'console.yaml'), `clusters:\n  - name: bench\n    bootstrapServers: [${bootstrap.split(',').map((b) => JSON.stringify(b)).join(', ')}]\n`);
    process.env.CONSOLE_CONFIG = join(dir, 'console.yaml');
    process.env.CONSOLE_AUDIT_FILE = join(dir, 'audit.log');
    const browseRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/route');
    const tailRoute = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/tail/route');
    const call = (handler: typeof browseRoute.GET, topic: string, query: Record<string, string>, signal?: AbortSignal) => {
      const url = new URL('http://127.0.0.1:3000/api');
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      return handler(new Request(url, { signal }), { params: Promise.resolve({ cluster: 'bench', topic }) });
    };

    // Warm up: connections, versions, JIT.
    await drain(await call(browseRoute.GET, TOPIC, { start: 'earliest', limit: '10' }));
    global.gc?.();
    await sleep(200);
    const baseline = rss();
    console.log(`baseline RSS after warm-up: ${mb(baseline)}`);

    for (const [name, query] of [
      ['oldest first', { start: 'earliest', order: 'asc', limit: '10000' }],
      ['newest first', { start: 'latest', order: 'desc', limit: '10000' }],
    ] as const) {
      const t0 = performance.now();
      const { result, peak } = await peakDuring(() =>
        Promise.all(
          Array.from({ length: PARALLEL }, async () => {
            const response = await call(browseRoute.GET, TOPIC, query);
            // What a browser would parse is counted, not kept: the figure is the server's.
            const text = await response.text();
            const messages = text.match(/"offset":/g)?.length ?? 0;
            const truncated = /"truncated":\{"reason":"([\w-]+)"/.exec(text)?.[1] ?? /"code":"(\w+)"/.exec(text)?.[1] ?? 'no';
            return { status: response.status, bytes: text.length, messages, truncated };
          }),
        ),
      );
      const ms = performance.now() - t0;
      const statuses = result.map((r) => r.status).join('/');
      console.log(
        `${PARALLEL} parallel browses, ${name}: peak RSS ${mb(peak)} (+${mb(peak - baseline)} over baseline) in ${ms.toFixed(0)} ms; status ${statuses}; ` +
          `${result[0].messages} messages, ${mb(result[0].bytes)} per response, truncated: ${result[0].truncated}; ` +
          `bound +${mb(BROWSE_BOUND)}: ${peak - baseline <= BROWSE_BOUND ? 'met' : 'MISSED'}`,
      );
    }

    // Many tails on a topic that keeps receiving messages.
    global.gc?.();
    await sleep(200);
    const tailBaseline = rss();
    const socketsBefore = sockets();
    const controllers: AbortController[] = [];
    let opened = 0;
    let refused = 0;
    let refusal = '';
    const peak = await peakDuring(async () => {
      for (let i = 0; i < TAILS; i++) {
        const controller = new AbortController();
        const response = await call(tailRoute.GET, LIVE, {}, controller.signal);
        if (response.status === 200) {
          opened++;
          controllers.push(controller);
          // Read the stream as a browser would, and throw the events away.
          void drain(response).catch(() => undefined);
        } else {
          refused++;
          refusal ||= `${response.status} ${((await response.json()) as { message: string }).message}`;
        }
      }
      const value = Buffer.alloc(1024, 0x62);
      const until = Date.now() + 5_000;
      let produced = 0;
      while (Date.now() < until) {
        await producer.send({ topic: LIVE, messages: Array.from({ length: 100 }, (_, j) => ({ partition: j % 3, value })) });
        produced += 100;
        await sleep(50);
      }
      return produced;
    });
    const connections = sockets() - socketsBefore;
    console.log(
      `${TAILS} tails asked (limit ${TAILS_ALLOWED} per cluster): ${opened} open, ${refused} refused (${refusal.slice(0, 90)}…); ` +
        `${connections} broker connections for them (${(connections / Math.max(1, opened)).toFixed(2)} per tail); ` +
        `peak RSS ${mb(peak.peak)} (+${mb(peak.peak - tailBaseline)}) while ${peak.result.toLocaleString('en-US')} messages of 1 KiB arrived over 5 s`,
    );
    const ending = performance.now();
    for (const c of controllers) c.abort();
    while (sockets() > socketsBefore && performance.now() - ending < 10_000) await sleep(50);
    console.log(`after the tails were aborted: ${sockets() - socketsBefore} of their connections open ${((performance.now() - ending) / 1000).toFixed(1)} s later`);
    await producer.disconnect();
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
