// Log compaction of a cleanup.policy=compact topic, seen by independent clients (kafkajs, kcat).
// Needs the embedded cluster's cleaner timing (log.retention.check.interval.ms), so it skips on an external cluster.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { waitFor } from '../../support/wait';
import { hasKcat, kcat } from './support';

const skip = process.env.TEST_KAFKA_BROKERS ? 'needs the embedded cluster' : hasKcat ? false : 'kcat not installed';

describe('log compaction', { skip }, () => {
  let cluster: DevCluster;
  let producer: Producer;

  before(async () => {
    cluster = await startDevCluster({ brokers: 1, basePort: 0, brokerConfigs: { 'log.retention.check.interval.ms': '200', 'offsets.topic.num.partitions': '1' } });
    producer = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });
  after(async () => {
    await producer.disconnect();
    await cluster.close();
  });

  it('keeps the latest value of each key at its original offset', async () => {
    const topic = 'compacted';
    cluster.createTopic({ name: topic, partitions: 1, replicationFactor: 1, configs: { 'cleanup.policy': 'compact', 'segment.bytes': '200', 'min.cleanable.dirty.ratio': '0.01' } });
    const latest = new Map<string, { value: string; offset: number }>();
    for (let i = 0; i < 30; i++) {
      const key = `k${i % 5}`;
      const [meta] = await producer.send({ topic, messages: [{ key, value: `v${i}-${'x'.repeat(100)}` }] });
      latest.set(key, { value: `v${i}-${'x'.repeat(100)}`, offset: Number(meta.baseOffset) });
    }
    // The active segment is never cleaned: a last record of its own key closes the others.
    await producer.send({ topic, messages: [{ key: 'end', value: 'end' }] });
    latest.set('end', { value: 'end', offset: 30 });
    const bytesBefore = cluster.partition(topic, 0)!.log.totalBytes;
    const read = async () => {
      const out = await kcat(['-C', '-e', '-q', '-b', cluster.bootstrapServers.join(','), '-t', topic, '-o', 'beginning', '-f', '%k\t%s\t%o\\n']);
      return out.trim().split('\n').map((l) => l.split('\t'));
    };
    await waitFor(async () => (await read()).length === latest.size, { timeoutMs: 15_000, what: 'the topic compacted to one record per key' });
    const rows = await read();
    assert.deepEqual(
      rows.map(([k, v, o]) => [k, v, Number(o)]),
      [...latest].map(([k, { value, offset }]) => [k, value, offset]).sort((a, b) => (a[2] as number) - (b[2] as number)),
    );
    const p = cluster.partition(topic, 0)!;
    assert.ok(p.log.totalBytes < bytesBefore);
    assert.equal(p.logStartOffset, 0);
    assert.equal(p.logEndOffset, 31);
  });
});
