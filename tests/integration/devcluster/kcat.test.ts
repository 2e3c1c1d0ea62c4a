import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { hasKcat, kcat } from './support';

interface KcatMetadata {
  controllerid: number;
  brokers: { id: number; name: string }[];
  topics: { topic: string; partitions: { partition: number; leader: number; replicas: { id: number }[]; isrs: { id: number }[] }[] }[];
}

describe('devcluster with kcat (librdkafka)', { skip: hasKcat ? false : 'kcat not installed at /usr/bin/kcat' }, () => {
  let cluster: DevCluster;
  let bootstrap: string;

  before(async () => {
    cluster = await startDevCluster({ brokers: 3, basePort: 0 });
    bootstrap = cluster.bootstrapServers.join(',');
    cluster.createTopic({ name: 'kcat-meta', partitions: 4, replicationFactor: 3 });
    cluster.createTopic({ name: 'kcat-data', partitions: 2, replicationFactor: 2 });
  });

  after(() => cluster.close());

  it('kcat -L -J shows brokers, topics, partitions, leaders, replicas and ISR', async () => {
    const meta = JSON.parse(await kcat(['-L', '-J', '-b', bootstrap])) as KcatMetadata;
    assert.deepEqual(meta.brokers.map((b) => b.id).sort(), [1, 2, 3]);
    assert.deepEqual(meta.brokers.map((b) => b.name).sort(), [...cluster.bootstrapServers].sort());
    assert.equal(meta.controllerid, 1);
    const topic = meta.topics.find((t) => t.topic === 'kcat-meta');
    assert.ok(topic);
    assert.equal(topic.partitions.length, 4);
    for (const p of topic.partitions) {
      const state = cluster.partition('kcat-meta', p.partition)!;
      assert.equal(p.leader, state.leader);
      assert.deepEqual(p.replicas.map((r) => r.id), state.replicas);
      assert.deepEqual(p.isrs.map((r) => r.id).sort(), [...state.replicas].sort());
    }
  });

  it('kcat -P / -C round-trips keys and headers', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `key${i}\tvalue ${i}`).join('\n') + '\n';
    await kcat(['-P', '-b', bootstrap, '-t', 'kcat-data', '-p', '0', '-K', '\t', '-H', 'origin=kcat', '-H', 'kind=test'], lines);
    const out = await kcat(['-C', '-b', bootstrap, '-t', 'kcat-data', '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%k|%s|%h|%o\\n']);
    const rows = out.trim().split('\n');
    assert.equal(rows.length, 200);
    rows.forEach((row, i) => {
      assert.equal(row, `key${i}|value ${i}|origin=kcat,kind=test|${i}`);
    });
  });

  for (const codec of ['gzip', 'snappy', 'lz4', 'zstd']) {
    it(`kcat -z ${codec} produces batches that kcat consumes back`, async () => {
      const topic = `kcat-${codec}`;
      cluster.createTopic({ name: topic, partitions: 1, replicationFactor: 3 });
      const values = Array.from({ length: 500 }, (_, i) => `${codec}-${i}-${'x'.repeat(i % 50)}`);
      await kcat(['-P', '-b', bootstrap, '-t', topic, '-z', codec, '-K', ':', '-X', 'linger.ms=50'], values.map((v, i) => `k${i}:${v}`).join('\n') + '\n');
      const stored = cluster.partition(topic, 0)!;
      assert.equal(stored.highWatermark, 500);
      // librdkafka leaves a batch uncompressed when compression would not shrink it.
      const codecs = new Set(stored.log.segments.flatMap((s) => s.batches.map((b) => b.buf.readInt16BE(21) & 0x07)));
      assert.ok(codecs.has({ gzip: 1, snappy: 2, lz4: 3, zstd: 4 }[codec] as number), `batches are stored compressed, as produced (saw ${[...codecs]})`);
      const out = await kcat(['-C', '-b', bootstrap, '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k:%s\\n']);
      assert.deepEqual(out.trim().split('\n'), values.map((v, i) => `k${i}:${v}`));
    });
  }
});
