import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DevCluster } from '@/lib/devcluster';
import { startConsoleUnderTest } from '@/tests/support/console';
import { seedTopics } from './support/seed-topics';

// The cluster sampler on a big cluster (10 000 partitions in 1 000 topics, RF 3, 1 000 groups):
// what one tick costs (the reads, with the in-process devcluster answering them, and the console's
// own bookkeeping apart), how the heap grows over ticks, and the memory of 24 h of series.

const TOPICS = Number(process.env.BENCH_TOPICS ?? 1000);
const PARTITIONS = 10;
const GROUPS = Number(process.env.BENCH_GROUPS ?? 1000);
const TICKS = Number(process.env.BENCH_TICKS ?? 10);
// The bench calls the tick itself; the timer must not fire in between.
process.env.CONSOLE_SAMPLE_MS = '600000';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** JS heap and, apart, typed arrays' and Buffers' memory (the rings live outside the heap). */
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed / 1024 / 1024, buffers: m.arrayBuffers / 1024 / 1024 };
};
const mib = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)} MiB`;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

function seedGroups(cluster: DevCluster, tick: number): void {
  for (let i = 0; i < GROUPS; i++) {
    cluster.groups.commitOffsets({
      groupId: `bench-group-${String(i).padStart(4, '0')}`,
      generationId: -1,
      memberId: '',
      groupInstanceId: null,
      topics: [{
        name: `bench-${String(i % TOPICS).padStart(5, '0')}`,
        partitions: Array.from({ length: PARTITIONS }, (_, p) => ({ partitionIndex: p, committedOffset: tick, committedLeaderEpoch: -1, committedMetadata: null })),
      }],
    });
  }
}

/** Some traffic between ticks, so rates are computed, not zeros. */
function write(cluster: DevCluster, tick: number): void {
  for (let i = 0; i < TOPICS; i += 10) {
    cluster.appendRecords(`bench-${String(i).padStart(5, '0')}`, tick % PARTITIONS, [{ key: null, value: Buffer.alloc(100, 'y'), headers: [] }]);
  }
}

async function main() {
  const env = await startConsoleUnderTest();
  seedTopics(env.cluster, TOPICS, PARTITIONS);
  seedGroups(env.cluster, 0);
  const { readClusterSample } = await import('@/lib/kafka/traffic/tick');
  const { trafficHistory } = await import('@/lib/kafka/traffic/history');
  const { invalidate } = await import('@/lib/kafka/cache');
  const { cacheKeys } = await import('@/lib/kafka/cache-keys');
  const { SeriesStore } = await import('@/lib/history/series-store');
  const history = trafficHistory('main');
  console.log(`history-sampler: 3 brokers, ${TOPICS} topics x ${PARTITIONS} partitions (RF 3), ${GROUPS} groups, ${TICKS} uncached ticks`);

  const tick = async (n: number) => {
    write(env.cluster, n);
    seedGroups(env.cluster, n);
    // Every tick reads the cluster afresh (no poll shares its reads here).
    invalidate(cacheKeys.cluster('main'));
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const sample = await readClusterSample('main');
    const read = { wall: performance.now() - wall, cpu: cpuMs(cpu) };
    const own = process.cpuUsage();
    const t = performance.now();
    history.record(Date.now(), sample);
    return { read, record: { wall: performance.now() - t, cpu: cpuMs(own) } };
  };
  await tick(0);
  await tick(1);
  const before = memory();
  const runs = [];
  for (let i = 0; i < TICKS; i++) runs.push(await tick(i + 2));
  const afterTicks = memory();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `tick reads (metadata, offsets x2, log dirs, groups; devcluster in-process): wall p50 ${median(runs.map((r) => r.read.wall)).toFixed(0)} ms, ` +
      `CPU p50 ${median(runs.map((r) => r.read.cpu)).toFixed(0)} ms (console + devcluster)`,
  );
  console.log(
    `tick bookkeeping (rates, counts, series): wall p50 ${median(runs.map((r) => r.record.wall)).toFixed(1)} ms, CPU p50 ${median(runs.map((r) => r.record.cpu)).toFixed(1)} ms`,
  );
  console.log(`after ${TICKS} more ticks: heap ${mib(afterTicks.heap - before.heap)} (${before.heap.toFixed(0)} → ${afterTicks.heap.toFixed(0)} MiB), buffers ${mib(afterTicks.buffers - before.buffers)} (the devcluster's logs hold the bench's writes and commits)`);
  const current = history.current;
  console.log(
    `series: ${history.store.size} (${history.trackedTopics} topics tracked of ${TOPICS}), produce ${current?.produceMessagesPerSecond?.toFixed(1)} msg/s, ` +
      `consume ${current?.consumeMessagesPerSecond?.toFixed(1)} msg/s`,
  );

  // 24 h of samples at 10 s for the same number of series: the rings are full, nothing grows past them.
  const keys = [...history.store.keys()];
  const storeBefore = memory();
  const day = new SeriesStore({ intervalMs: 10_000 });
  const values = new Map(keys.map((k, i) => [k, i] as [string, number]));
  const t0 = Date.now();
  const filled = performance.now();
  for (let i = 0; i < 8640; i++) day.record(t0 + i * 10_000, values);
  const fillMs = performance.now() - filled;
  const storeAfter = memory();
  const readStart = performance.now();
  const points = day.read(keys[0], t0, t0 + 24 * 3_600_000).points.length;
  console.log(
    `store, 24 h at 10 s, ${keys.length} series: rings ${(day.bytes() / 1024 / 1024).toFixed(2)} MiB (${(day.bytesPerSeries() / 1024).toFixed(1)} KiB/series), ` +
      `heap ${mib(storeAfter.heap - storeBefore.heap)}, buffers ${mib(storeAfter.buffers - storeBefore.buffers)}; 8 640 samples recorded in ${fillMs.toFixed(0)} ms; a 24 h read: ${points} points in ${(performance.now() - readStart).toFixed(1)} ms`,
  );
  if (!current || current.produceMessagesPerSecond === null) process.exitCode = 1;
  void day;
  await env.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
