import { startDevCluster } from '@/lib/devcluster';
import { Metadata } from '@/lib/protocol/generated';
import { decodeResponseHeader, encodeRequest } from '@/lib/protocol/headers';
import { Reader } from '@/lib/protocol/reader';
import { RawConnection } from '@/tests/integration/devcluster/support';

// Full Metadata request latency on a cluster with 2,000 topics / 10,000 partitions (RF 3) and
// 1,000 consumer groups. The first answer after a change is built and encoded; later ones come
// from the encoded cache. Fails if any answer takes 200 ms or more.

const TOPICS = 2000;
const PARTITIONS = 5;
const GROUPS = 1000;
const RUNS = 50;
const LIMIT_MS = 200;

async function main(): Promise<void> {
  const cluster = await startDevCluster({ brokers: 3, basePort: 0 });
  try {
    let t = performance.now();
    for (let i = 0; i < TOPICS; i++) cluster.createTopic({ name: `bench-${String(i).padStart(4, '0')}`, partitions: PARTITIONS, replicationFactor: 3 });
    console.log(`created ${TOPICS} topics / ${TOPICS * PARTITIONS} partitions in ${(performance.now() - t).toFixed(0)} ms`);
    for (let g = 0; g < GROUPS; g++) {
      cluster.groups.commitOffsets({
        groupId: `bench-group-${g}`,
        generationId: -1,
        memberId: '',
        groupInstanceId: null,
        topics: [{ name: `bench-${String(g % TOPICS).padStart(4, '0')}`, partitions: [{ partitionIndex: 0, committedOffset: 0, committedLeaderEpoch: -1, committedMetadata: null }] }],
      });
    }
    console.log(`groups held: ${cluster.groups.groupIds().length}`);

    const conn = await RawConnection.connect(cluster.bootstrapServers[0]);
    let correlation = 0;
    const timeOne = async (version: number) => {
      const frame = encodeRequest(Metadata, version, ++correlation, 'bench', { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      const start = performance.now();
      conn.write(frame);
      const body = await conn.nextFrame(10_000);
      const ms = performance.now() - start;
      if (!body) throw new Error('connection closed');
      const r = new Reader(body);
      decodeResponseHeader(r, Metadata.apiKey, version);
      const res = Metadata.decodeResponse(r, version);
      const partitions = res.topics.reduce((n, x) => n + x.partitions.length, 0);
      if (res.topics.length !== TOPICS || partitions !== TOPICS * PARTITIONS) throw new Error(`wrong answer: ${res.topics.length} topics, ${partitions} partitions`);
      return ms;
    };
    let worst = 0;
    for (const version of [1, 9, 12]) {
      cluster.metadataVersion++;
      const cold = await timeOne(version);
      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) warm.push(await timeOne(version));
      warm.sort((a, b) => a - b);
      const p50 = warm[Math.floor(RUNS / 2)];
      const p99 = warm[Math.floor(RUNS * 0.99)];
      worst = Math.max(worst, cold, warm[warm.length - 1]);
      console.log(`Metadata v${version} all topics: uncached ${cold.toFixed(1)} ms, cached p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (request sent to last byte received)`);
    }
    t = performance.now();
    cluster.setFollowerLag('bench-0000', 0, cluster.partition('bench-0000', 0)!.replicas[1], true);
    const afterChange = await timeOne(12);
    console.log(`after an ISR change: ${afterChange.toFixed(1)} ms`);
    worst = Math.max(worst, afterChange);
    conn.close();
    console.log(`worst full Metadata answer: ${worst.toFixed(1)} ms (limit ${LIMIT_MS} ms)`);
    if (worst >= LIMIT_MS) throw new Error(`full Metadata took ${worst.toFixed(1)} ms, limit ${LIMIT_MS} ms`);
  } finally {
    await cluster.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
