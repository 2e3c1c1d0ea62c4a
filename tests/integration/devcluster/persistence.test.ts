import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { startDevCluster } from '@/lib/devcluster';

const FIXTURE = path.join(__dirname, 'fixtures', 'cluster-process.ts');

function startChild(dataDir: string): Promise<{ child: ChildProcess; bootstrap: string[] }> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', FIXTURE, dataDir], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n')) resolve({ child, bootstrap: (JSON.parse(line) as { bootstrap: string[] }).bootstrap });
    });
    child.once('exit', (code) => reject(new Error(`cluster process exited with ${code}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function consumeAll(brokers: string[], topic: string, expected: number, groupId: string): Promise<string[]> {
  const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => resolve(), 20_000);
    consumer
      .run({
        eachMessage: async ({ message }) => {
          seen.push(message.value!.toString());
          if (seen.length === expected) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return seen;
}

describe('devcluster persistence', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'devcluster-persist-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps topics, configs, records and the log start offset across a graceful restart', async () => {
    const dataDir = tmp();
    let cluster = await startDevCluster({ brokers: 3, basePort: 0, dataDir });
    const clusterId = cluster.clusterId;
    cluster.createTopic({ name: 'kept', partitions: 3, replicationFactor: 2, configs: { 'retention.ms': '123456789', 'cleanup.policy': 'delete' } });
    let kafka = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const values = Array.from({ length: 3000 }, (_, i) => `kept-${i}`);
    for (let i = 0; i < values.length; i += 500) await producer.send({ topic: 'kept', acks: -1, messages: values.slice(i, i + 500).map((value) => ({ key: value, value })) });
    await producer.disconnect();
    const p0 = cluster.partition('kept', 0)!;
    const trimTo = Math.floor(p0.highWatermark / 2);
    cluster.deleteRecords('kept', 0, p0.leader, trimTo);
    const offsetsBefore = cluster.topics.get('kept')!.partitions.map((p) => cluster.partitionOffsets('kept', p.index));
    await cluster.close();

    cluster = await startDevCluster({ brokers: 3, basePort: 0, dataDir });
    try {
      assert.equal(cluster.clusterId, clusterId);
      const offsetsAfter = cluster.topics.get('kept')!.partitions.map((p) => cluster.partitionOffsets('kept', p.index));
      assert.deepEqual(offsetsAfter, offsetsBefore);
      kafka = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      const cfg = (await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'kept', configNames: ['retention.ms'] }] })).resources[0].configEntries[0];
      assert.equal(cfg.configValue, '123456789');
      await admin.disconnect();
      const expected = offsetsAfter.reduce((n, o) => n + o!.highWatermark - o!.logStartOffset, 0);
      const seen = await consumeAll(cluster.bootstrapServers, 'kept', expected, 'persist-graceful');
      assert.ok(seen.length >= expected);
      assert.ok(seen.every((v) => values.includes(v)));
    } finally {
      await cluster.close();
    }
  });

  it('loses no acks=-1 message when the process is SIGKILLed', async () => {
    const dataDir = tmp();
    let proc = await startChild(dataDir);
    let kafka = new Kafka({ brokers: proc.bootstrap, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'durable', numPartitions: 4, replicationFactor: 3 }] });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    const acked: string[] = [];
    for (let round = 0; round < 20; round++) {
      const messages = Array.from({ length: 250 }, (_, i) => ({ key: `r${round}`, value: `durable-${round}-${i}` }));
      await producer.send({ topic: 'durable', acks: -1, messages });
      acked.push(...messages.map((m) => m.value));
    }
    await producer.disconnect();
    await kill(proc.child);

    proc = await startChild(dataDir);
    try {
      kafka = new Kafka({ brokers: proc.bootstrap, logLevel: logLevel.NOTHING });
      const admin2 = kafka.admin();
      await admin2.connect();
      const offsets = await admin2.fetchTopicOffsets('durable');
      await admin2.disconnect();
      assert.equal(offsets.reduce((n, o) => n + Number(o.high), 0), acked.length);
      const seen = await consumeAll(proc.bootstrap, 'durable', acked.length, 'persist-kill');
      assert.deepEqual([...seen].sort(), [...acked].sort());
    } finally {
      await kill(proc.child);
    }
  });
});
