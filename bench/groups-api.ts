import type { DevCluster } from '@/lib/devcluster';
import { callRoute, startConsoleUnderTest } from '@/tests/support/console';
import type { GroupsPage } from '@/lib/api/groups';
import { countRequests, formatRequests, totalRequests } from './support/count-requests';
import { percentile } from './support/percentile';

// Groups list API on a cluster with many groups: latency of a full (uncached) read with all lags,
// and the Kafka requests one read sends. With OffsetFetch v8 the count depends on the brokers and
// the batches, not on the number of groups; the pre-v8 path (capped version) shows the difference.

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1000);
const PARTITIONS = 10;
const TOPICS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const { sent, stop: stopCounting } = countRequests();

function seed(cluster: DevCluster, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const topic = `bench-topic-${i % TOPICS}`;
    cluster.groups.commitOffsets({
      groupId: `bench-group-${String(i).padStart(4, '0')}`,
      generationId: -1,
      memberId: '',
      groupInstanceId: null,
      topics: [{
        name: topic,
        partitions: Array.from({ length: PARTITIONS }, (_, p) => ({ partitionIndex: p, committedOffset: (i * 7 + p) % 100, committedLeaderEpoch: -1, committedMetadata: null })),
      }],
    });
  }
}

async function measure(list: Parameters<typeof callRoute>[0], label: string, expectGroups: number): Promise<{ p50: number; requests: Map<string, number> }> {
  const times: number[] = [];
  let perRead = new Map<string, number>();
  for (let i = 0; i < RUNS; i++) {
    sent.clear();
    const started = performance.now();
    const { status, body } = await callRoute<GroupsPage>(list, { cluster: 'main' }, { query: { refresh: '1', pageSize: '50' } });
    times.push(performance.now() - started);
    if (status !== 200 || body.clusterTotal !== expectGroups) throw new Error(`unexpected answer ${status}: ${body.clusterTotal} groups`);
    if (body.groups[0].totalLag === null) throw new Error('lag missing');
    perRead = new Map(sent);
  }
  console.log(
    `${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms  ` +
      `requests/read ${String(totalRequests(perRead)).padStart(5)}  (${formatRequests(perRead)})`,
  );
  return { p50: percentile(times, 50), requests: perRead };
}

async function main() {
  const env = await startConsoleUnderTest();
  const cluster = env.cluster;
  for (let t = 0; t < TOPICS; t++) {
    const name = `bench-topic-${t}`;
    cluster.createTopic({ name, partitions: PARTITIONS, replicationFactor: 1 });
    for (let p = 0; p < PARTITIONS; p++) {
      cluster.appendRecords(name, p, Array.from({ length: 100 }, (_, i) => ({ key: null, value: Buffer.from(`v${i}`), headers: [] })));
    }
  }
  const { GET: list } = await import('@/app/api/clusters/[cluster]/groups/route');
  const { readAllGroups } = await import('@/lib/kafka/groups/read-groups');
  const { groupRequestCounts, resetGroupRequestCounts } = await import('@/lib/kafka/groups/requests');

  console.log(`groups-api: 3 brokers, ${TOPICS} topics x ${PARTITIONS} partitions, ${RUNS} uncached reads each`);
  const small = Math.max(1, Math.floor(GROUPS / 10));
  seed(cluster, 0, small);
  await callRoute(list, { cluster: 'main' }, { query: { refresh: '1' } });
  const few = await measure(list, `GET /groups, ${small} groups`, small);
  seed(cluster, small, GROUPS);
  const many = await measure(list, `GET /groups, ${GROUPS} groups`, GROUPS);

  // Targets: p50 within a second, and per-group APIs bounded by brokers × batches of 500.
  const bound = 3 * Math.ceil(GROUPS / 500);
  const problems: string[] = [];
  if (many.p50 > 1000) problems.push(`p50 ${many.p50.toFixed(0)} ms > 1000 ms`);
  for (const api of ['DescribeGroups', 'OffsetFetch']) {
    if ((many.requests.get(api) ?? 0) > bound) problems.push(`${api} ${many.requests.get(api)} requests > ${bound}`);
  }
  if ((many.requests.get('ListGroups') ?? 0) !== (few.requests.get('ListGroups') ?? 0)) problems.push('ListGroups grew with groups');
  console.log(problems.length ? `targets NOT met: ${problems.join('; ')}` : `targets met: p50 ≤ 1000 ms; DescribeGroups/OffsetFetch ≤ ${bound} (3 brokers × batches) at ${GROUPS} groups`);
  if (problems.length) process.exitCode = 1;

  // The groups code's own counter, for one read, by API.
  resetGroupRequestCounts();
  await readAllGroups('main');
  console.log(`groups requests, one read, v8 path: ${JSON.stringify(groupRequestCounts())}`);
  resetGroupRequestCounts();
  const started = performance.now();
  await readAllGroups('main', { offsetFetchMaxVersion: 7 });
  const ms = performance.now() - started;
  console.log(`groups requests, one read, pre-v8 (OffsetFetch per group, pipelined): ${JSON.stringify(groupRequestCounts())} in ${ms.toFixed(0)} ms`);

  stopCounting();
  const { closeProtocolClient } = await import('@/lib/kafka/protocol-pool');
  const { stopSampler } = await import('@/lib/kafka/groups/sampler');
  stopSampler('main');
  await closeProtocolClient('main');
  await env.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
