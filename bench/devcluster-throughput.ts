import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';

// Produce and fetch throughput of the dev cluster (3 brokers, 6 partitions, RF 3) for 100 B and
// 1 KB records, with kcat (librdkafka, a separate process) and with kafkajs (in this process,
// sharing the CPU with the cluster). Targets for kcat with 100 B records: 100,000 msgs/s produce
// and 200,000 msgs/s fetch; the run fails if they are missed.

const KCAT = '/usr/bin/kcat';
const PARTITIONS = 6;

interface Figure {
  client: string;
  op: 'produce' | 'fetch';
  size: number;
  messages: number;
  seconds: number;
}

const figures: Figure[] = [];

function report(f: Figure): void {
  figures.push(f);
  const rate = f.messages / f.seconds;
  console.log(
    `${f.client.padEnd(8)} ${f.op.padEnd(7)} ${String(f.size).padStart(5)} B x ${f.messages}: ${Math.round(rate).toLocaleString('en-US').padStart(9)} msgs/s ${((rate * f.size) / 1e6).toFixed(1).padStart(6)} MB/s (${f.seconds.toFixed(2)} s)`,
  );
}

function runKcat(args: string[], countLines: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(KCAT, args, { stdio: ['ignore', countLines ? 'pipe' : 'ignore', 'pipe'] });
    let lines = 0;
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(lines) : reject(new Error(`kcat exited ${code}: ${err}`))));
  });
}

function totalHighWatermark(cluster: DevCluster, topic: string): number {
  return cluster.topics.get(topic)!.partitions.reduce((n, p) => n + p.highWatermark, 0);
}

async function kcatRound(cluster: DevCluster, size: number, messages: number, dir: string): Promise<void> {
  const topic = `kcat-${size}`;
  cluster.createTopic({ name: topic, partitions: PARTITIONS, replicationFactor: 3 });
  const file = path.join(dir, `${size}.txt`);
  const line = `${'x'.repeat(size - 1)}\n`;
  fs.writeFileSync(file, line.repeat(messages));
  const bootstrap = cluster.bootstrapServers.join(',');

  let start = performance.now();
  await runKcat(
    ['-P', '-b', bootstrap, '-t', topic, '-l', file, '-X', 'linger.ms=5', '-X', 'batch.num.messages=10000', '-X', 'batch.size=1000000', '-X', 'queue.buffering.max.messages=2000000', '-X', 'acks=1'],
    false,
  );
  const produced = totalHighWatermark(cluster, topic);
  if (produced !== messages) throw new Error(`kcat produced ${produced} of ${messages}`);
  report({ client: 'kcat', op: 'produce', size, messages, seconds: (performance.now() - start) / 1000 });

  start = performance.now();
  const consumed = await runKcat(
    ['-C', '-b', bootstrap, '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%o\\n', '-X', 'fetch.message.max.bytes=4194304', '-X', 'queued.min.messages=1000000', '-X', 'fetch.wait.max.ms=10'],
    true,
  );
  if (consumed !== messages) throw new Error(`kcat consumed ${consumed} of ${messages}`);
  report({ client: 'kcat', op: 'fetch', size, messages, seconds: (performance.now() - start) / 1000 });
}

async function kafkajsRound(cluster: DevCluster, size: number, messages: number): Promise<void> {
  const topic = `kafkajs-${size}`;
  cluster.createTopic({ name: topic, partitions: PARTITIONS, replicationFactor: 3 });
  const kafka = new Kafka({ clientId: 'bench', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const value = Buffer.alloc(size, 'x');
  const perSend = 1000;
  let start = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let sent = 0; sent < messages; sent += perSend) {
    inFlight.push(producer.send({ topic, acks: 1, messages: Array.from({ length: perSend }, () => ({ value })) }));
    if (inFlight.length >= 8) await inFlight.shift();
  }
  await Promise.all(inFlight);
  report({ client: 'kafkajs', op: 'produce', size, messages, seconds: (performance.now() - start) / 1000 });
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: `bench-${size}`, maxBytes: 16 * 1024 * 1024, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  start = performance.now();
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          count += batch.messages.length;
          if (count >= messages) resolve();
        },
      })
      .catch(reject);
  });
  report({ client: 'kafkajs', op: 'fetch', size, messages: count, seconds: (performance.now() - start) / 1000 });
  await consumer.disconnect();
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devcluster-bench-'));
  const cluster = await startDevCluster({ brokers: 3, basePort: 0 });
  try {
    if (fs.existsSync(KCAT)) {
      await kcatRound(cluster, 100, 1_000_000, dir);
      await kcatRound(cluster, 1024, 200_000, dir);
    } else {
      console.log('kcat not installed at /usr/bin/kcat: kcat figures skipped');
    }
    await kafkajsRound(cluster, 100, 200_000);
    await kafkajsRound(cluster, 1024, 100_000);
  } finally {
    await cluster.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rate = (op: string) => figures.filter((f) => f.client === 'kcat' && f.op === op && f.size === 100).map((f) => f.messages / f.seconds)[0];
  const produce = rate('produce');
  const fetch = rate('fetch');
  if (produce !== undefined && produce < 100_000) throw new Error(`kcat produce ${Math.round(produce)} msgs/s is below 100,000`);
  if (fetch !== undefined && fetch < 200_000) throw new Error(`kcat fetch ${Math.round(fetch)} msgs/s is below 200,000`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
