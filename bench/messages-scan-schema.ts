import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, CompressionTypes } from 'kafkajs';
import type { SearchEvent } from '@/lib/api/messages';
import { startDevCluster } from '@/lib/devcluster';
import { avroType } from '@/lib/schemas/codecs/avro';
import { writeWireFrame } from '@/lib/schemas/wire-format';

// Search by a nested field over 1,000,000 Avro messages (Confluent wire format, decoded with the
// dev cluster's registry) against the same records as JSON text, through the console's search
// route on the same cluster in the same run. Runs alternate; the median of each is reported.
// The JSON scan also runs without a registry configured, the case every topic had before.

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const PARTITIONS = 3;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NEEDLE = 'needle-7f3a9c';

const schema = {
  type: 'record',
  name: 'Order',
  namespace: 'bench',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'status', type: 'string' },
    { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'id', type: 'string' }, { name: 'tier', type: ['null', 'string'] }] } },
    { name: 'note', type: 'string' },
  ],
};

const record = (i: number) => ({ id: i, status: i % 7 === 0 ? 'PAID' : 'NEW', customer: { id: i === Math.floor(MESSAGES * 0.7) ? NEEDLE : `c-${i % 1000}`, tier: i % 2 ? 'gold' : null }, note: 'x'.repeat(120) });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const cluster = await startDevCluster({ brokers: 3, basePort: 0, schemaRegistry: { port: 0 } });
  try {
    const res = await fetch(`${cluster.schemaRegistryUrl}/subjects/avro-bench-value/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: JSON.stringify(schema) }),
    });
    const { id } = (await res.json()) as { id: number };
    const type = avroType(JSON.stringify(schema));
    const kafka = new Kafka({ clientId: 'bench', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: ['avro-bench', 'json-bench'].map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })), waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    const started = performance.now();
    let avroBytes = 0;
    let jsonBytes = 0;
    for (let i = 0; i < MESSAGES; i += 10_000) {
      const avro: { partition: number; value: Buffer }[] = [];
      const json: { partition: number; value: string }[] = [];
      for (let j = i; j < Math.min(MESSAGES, i + 10_000); j++) {
        const r = record(j);
        const value = Buffer.from(writeWireFrame(id, type.toBuffer({ ...r, id: BigInt(r.id) })));
        avroBytes += value.length;
        avro.push({ partition: j % PARTITIONS, value });
        const text = JSON.stringify(r);
        jsonBytes += text.length;
        json.push({ partition: j % PARTITIONS, value: text });
      }
      await producer.sendBatch({ compression: CompressionTypes.None, topicMessages: [{ topic: 'avro-bench', messages: avro }, { topic: 'json-bench', messages: json }] });
    }
    await producer.disconnect();
    console.log(`seeded ${MESSAGES.toLocaleString('en-US')} Avro (${Math.round(avroBytes / MESSAGES)} B) and JSON (${Math.round(jsonBytes / MESSAGES)} B) values in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const dir = mkdtempSync(join(tmpdir(), 'messages-schema-bench-'));
    const brokers = `[${cluster.bootstrapServers.map((b) => JSON.stringify(b)).join(', ')}]`;
    writeFileSync(join(dir, 'console.yaml'), ['clusters:', '  - name: bench', `    bootstrapServers: ${brokers}`, '    schemaRegistry:', `      url: ${cluster.schemaRegistryUrl}`, '  - name: plain', `    bootstrapServers: ${brokers}`].join('\n'));
    process.env.CONSOLE_CONFIG = join(dir, 'console.yaml');
    process.env.CONSOLE_AUDIT_FILE = join(dir, 'audit.log');
    const { GET } = await import('@/app/api/clusters/[cluster]/topics/[topic]/messages/search/route');

    const scan = async (clusterId: string, topic: string) => {
      const url = new URL('http://127.0.0.1:3000/api');
      for (const [k, v] of Object.entries({ start: 'earliest', order: 'asc', filter: `value.customer.id == "${NEEDLE}"`, scanCap: String(MESSAGES * 2) })) url.searchParams.set(k, v);
      const t0 = performance.now();
      const response = await GET(new Request(url), { params: Promise.resolve({ cluster: clusterId, topic }) });
      const text = await response.text();
      const ms = performance.now() - t0;
      const events = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as SearchEvent);
      const done = events.find((e) => e.type === 'done') as Extract<SearchEvent, { type: 'done' }> | undefined;
      const matches = events.filter((e) => e.type === 'message').length;
      if (!done || done.scanned !== MESSAGES || matches !== 1) throw new Error(`${topic} scan wrong: ${matches} matches, ${JSON.stringify(done)} ${text.slice(0, 300)}`);
      return ms;
    };
    const cases = [
      { name: 'Avro, decoded with the registry', run: () => scan('bench', 'avro-bench'), ms: [] as number[] },
      { name: 'JSON, cluster with a registry', run: () => scan('bench', 'json-bench'), ms: [] as number[] },
      { name: 'JSON, cluster without a registry', run: () => scan('plain', 'json-bench'), ms: [] as number[] },
    ];
    for (const c of cases) await c.run(); // warm-up
    for (let i = 0; i < RUNS; i++) for (const c of cases) c.ms.push(await c.run());
    for (const c of cases) {
      const m = median(c.ms);
      console.log(`${c.name.padEnd(34)} ${m.toFixed(0).padStart(6)} ms  ${Math.round(MESSAGES / (m / 1000)).toLocaleString('en-US').padStart(10)} msg/s   (runs: ${c.ms.map((x) => x.toFixed(0)).join(', ')} ms)`);
    }
    const { closeProtocolClient } = await import('@/lib/kafka/protocol-pool');
    await closeProtocolClient('bench');
    await closeProtocolClient('plain');
  } finally {
    await cluster.close();
  }
  process.exit(0);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
