import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, mock, test } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import type { DevCluster } from '@/lib/devcluster';
import { startDemoCluster } from '@/lib/kafka/embedded';

// The embedded demo cluster as `npm start` runs it, started twice on one data dir: what the
// operator created is still there, the seed topics are not created or back-filled again,
// DEVCLUSTER_FRESH=true starts from nothing, and a second console does not share the files.

const dataDir = mkdtempSync(join(tmpdir(), 'demo-restart-'));
const env = { DEVCLUSTER_DATA_DIR: dataDir, DEVCLUSTER_PORT: '0' };
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function withCluster<T>(extraEnv: Record<string, string>, fn: (kafka: Kafka) => Promise<T>): Promise<T> {
  const cluster: DevCluster = await startDemoCluster({ ...env, ...extraEnv });
  const kafka = new Kafka({ clientId: 'demo-restart', brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(kafka);
  } finally {
    await admin.disconnect();
    await cluster.close();
  }
}

async function ordersEnd(kafka: Kafka): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets('orders')).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function topicNames(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

describe('demo cluster restart', () => {
  test('keeps a created topic and its messages, and does not seed the demo topics twice', async () => {
    const before = await withCluster({}, async (kafka) => {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: 'kept', numPartitions: 2, replicationFactor: 3 }], waitForLeaders: true });
      await admin.disconnect();
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: 'kept', acks: -1, messages: [{ key: 'a', value: 'survives a restart' }] });
      await producer.disconnect();
      return ordersEnd(kafka);
    });
    await withCluster({}, async (kafka) => {
      const names = await topicNames(kafka);
      assert.ok(names.includes('kept'), `topics after restart: ${names.join(', ')}`);
      assert.equal(names.filter((n) => n === 'orders').length, 1);
      const consumer = kafka.consumer({ groupId: 'demo-restart-reader' });
      await consumer.connect();
      await consumer.subscribe({ topic: 'kept', fromBeginning: true });
      const value = await new Promise<string>((resolve) => {
        void consumer.run({ eachMessage: async ({ message }) => resolve(String(message.value)) });
      });
      await consumer.disconnect();
      assert.equal(value, 'survives a restart');
      // The seed back-fills 900 orders on creation; live traffic adds a handful per second.
      const afterRestart = await ordersEnd(kafka);
      assert.ok(afterRestart >= before && afterRestart < before + 300, `orders end offsets ${before} → ${afterRestart}`);
    });
  });

  test('DEVCLUSTER_FRESH=true starts from an empty data dir', async () => {
    await withCluster({ DEVCLUSTER_FRESH: 'true' }, async (kafka) => {
      const names = await topicNames(kafka);
      assert.ok(!names.includes('kept'));
      assert.ok(names.includes('orders'));
    });
  });

  test('a data dir held by another live console is left alone: this one runs in memory', async () => {
    const lockFile = join(dataDir, 'console.lock');
    writeFileSync(lockFile, '1'); // pid 1 is always alive
    const logged: string[] = [];
    mock.method(console, 'log', (...args: unknown[]) => void logged.push(args.join(' ')));
    try {
      const cluster = await startDemoCluster({ ...env, DEVCLUSTER_FRESH: 'true' });
      await cluster.close();
      assert.equal(cluster.options.dataDir, undefined);
    } finally {
      mock.restoreAll();
      rmSync(lockFile);
    }
    assert.match(logged.join('\n'), /in use by another console \(pid 1\)/);
    // Nothing was deleted by the fresh start the other console's data would have lost.
    assert.ok(existsSync(join(dataDir, 'topics', 'orders')));
  });

  test('the lock is released when the cluster closes', async () => {
    const cluster = await startDemoCluster(env);
    assert.ok(existsSync(join(dataDir, 'console.lock')));
    await cluster.close();
    assert.ok(!existsSync(join(dataDir, 'console.lock')));
  });

  test('a taken port falls back to random ports with one line and no stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const logged: string[] = [];
    const capture = (...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
    };
    mock.method(console, 'log', capture);
    mock.method(console, 'error', capture);
    try {
      const cluster = await startDemoCluster({ ...env, DEVCLUSTER_PORT: String(port) });
      await cluster.close();
      assert.ok(!cluster.bootstrapServers.includes(`127.0.0.1:${port}`));
    } finally {
      mock.restoreAll();
      blocker.close();
    }
    assert.deepEqual(logged, [`[console] Port ${port} is in use: the embedded demo cluster takes random ports instead.`]);
  });
});
