import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { encodeRequest } from '@/lib/protocol/headers';
import {
  ApiVersions,
  CreatePartitions,
  CreateTopics,
  DeleteRecords,
  DeleteTopics,
  DescribeCluster,
  DescribeConfigs,
  DescribeLogDirs,
  Fetch,
  IncrementalAlterConfigs,
  InitProducerId,
  ListOffsets,
  Metadata,
  Produce,
  type FetchRequest,
} from '@/lib/protocol/generated';
import { decodeRecordBatches, encodeRecordBatch } from '@/lib/protocol/records/batch';
import { Reader } from '@/lib/protocol/reader';
import { watchParkedFetches } from '@/tests/support/parked-fetches';
import { waitFor } from '@/tests/support/wait';
import { RawConnection } from './support';

const batchOf = (values: string[], timestamp = Date.now()) =>
  encodeRecordBatch({ records: values.map((v, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(v), headers: [], timestamp: timestamp + i })) });

describe('devcluster protocol behaviour (raw requests)', () => {
  let cluster: DevCluster;
  const conns = new Map<number, RawConnection>();
  const to = async (brokerId: number) => {
    let c = conns.get(brokerId);
    if (!c || c.closed) conns.set(brokerId, (c = await RawConnection.connect(cluster.bootstrapServers[brokerId - 1])));
    return c;
  };
  const leaderOf = (topic: string, p = 0) => cluster.partition(topic, p)!.leader;
  const fetchReq = (topic: string, fetchOffset: number, over: Partial<FetchRequest> = {}): FetchRequest => ({
    replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
    topics: [{ topic, partitions: [{ partition: 0, fetchOffset, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1 }] }],
    forgottenTopicsData: [], rackId: '', ...over,
  });
  const produce = async (topic: string, values: string[], version = 9, acks = -1, brokerId = leaderOf(topic)) =>
    (await (await to(brokerId)).request(Produce, version, { acks, timeoutMs: 1000, transactionalId: null, topicData: [{ name: topic, partitionData: [{ index: 0, records: batchOf(values) }] }] })).responses[0].partitionResponses[0];

  before(async () => {
    cluster = await startDevCluster({ brokers: 3, basePort: 0, brokerConfigs: { 'replica.lag.time.max.ms': '200' } });
    cluster.createTopic({ name: 'p1', partitions: 1, replicationFactor: 3 });
  });
  after(async () => {
    for (const c of conns.values()) c.close();
    await cluster.close();
  });

  it('ApiVersions v3 lists flexible versions and is answered with header v0', async () => {
    const av = await (await to(1)).request(ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' });
    assert.equal(av.errorCode, 0);
    assert.deepEqual(av.apiKeys.find((k) => k.apiKey === 3), { apiKey: 3, minVersion: 0, maxVersion: 12 });
  });

  it('Produce: offsets, wrong leader, unknown topic, too large, acks=0', async () => {
    const ok = await produce('p1', ['a', 'b', 'c']);
    assert.equal(ok.errorCode, 0);
    assert.equal(ok.baseOffset, 0);
    assert.equal((await produce('p1', ['d'])).baseOffset, 3);
    const follower = cluster.partition('p1', 0)!.replicas.find((r) => r !== leaderOf('p1'))!;
    assert.equal((await produce('p1', ['x'], 9, -1, follower)).errorCode, 6, 'NOT_LEADER_OR_FOLLOWER');
    assert.equal((await (await to(1)).request(Produce, 7, { acks: 1, timeoutMs: 1000, transactionalId: null, topicData: [{ name: 'nope', partitionData: [{ index: 0, records: batchOf(['x']) }] }] })).responses[0].partitionResponses[0].errorCode, 3);
    cluster.createTopic({ name: 'small', partitions: 1, replicationFactor: 1, configs: { 'max.message.bytes': '200' } });
    const big = await produce('small', ['y'.repeat(500)]);
    assert.equal(big.errorCode, 10, 'MESSAGE_TOO_LARGE');
    assert.match(big.errorMessage ?? '', /max\.message\.bytes/);
    cluster.createTopic({ name: 'fresh-only', partitions: 1, replicationFactor: 1, configs: { 'message.timestamp.before.max.ms': '60000' } });
    const stale = (await (await to(leaderOf('fresh-only'))).request(Produce, 9, { acks: 1, timeoutMs: 1000, transactionalId: null, topicData: [{ name: 'fresh-only', partitionData: [{ index: 0, records: batchOf(['old'], Date.now() - 3_600_000) }] }] })).responses[0].partitionResponses[0];
    assert.equal(stale.errorCode, 32, 'INVALID_TIMESTAMP');
    // acks=0: no response; the next answer on the connection belongs to the next request.
    const conn = await to(leaderOf('p1'));
    conn.write(encodeRequest(Produce, 9, 900, 't', { acks: 0, timeoutMs: 1000, transactionalId: null, topicData: [{ name: 'p1', partitionData: [{ index: 0, records: batchOf(['e']) }] }] }));
    conn.write(encodeRequest(ApiVersions, 0, 901, 't', {}));
    const frame = (await conn.nextFrame())!;
    assert.equal(frame.readInt32BE(0), 901);
    assert.equal(cluster.partition('p1', 0)!.logEndOffset, 5);
  });

  it('Produce with acks=-1 fails with NOT_ENOUGH_REPLICAS when the ISR is below min.insync.replicas', async () => {
    cluster.createTopic({ name: 'strict', partitions: 1, replicationFactor: 2, configs: { 'min.insync.replicas': '2' } });
    const p = cluster.partition('strict', 0)!;
    cluster.setFollowerLag('strict', 0, p.replicas[1], true);
    await waitFor(() => p.isr.length === 1, { timeoutMs: 5000, what: 'the held follower to leave the ISR' });
    const res = await produce('strict', ['z']);
    assert.equal(res.errorCode, 19);
    assert.equal((await produce('strict', ['z'], 9, 1)).errorCode, 0, 'acks=1 still works');
    cluster.setFollowerLag('strict', 0, p.replicas[1], false);
    assert.equal((await produce('strict', ['z'])).errorCode, 0);
  });

  it('LogAppendTime topics stamp the broker time', async () => {
    cluster.createTopic({ name: 'lat', partitions: 1, replicationFactor: 1, configs: { 'message.timestamp.type': 'LogAppendTime' } });
    const before = Date.now();
    const res = await produce('lat', ['t'], 9);
    assert.ok(res.logAppendTimeMs! >= before);
    const f = await (await to(leaderOf('lat'))).request(Fetch, 12, fetchReq('lat', 0));
    const [b] = decodeRecordBatches(f.responses[0].partitions[0].records, { verifyCrc: true });
    assert.equal(b.attributes.timestampType, 'LogAppendTime');
    assert.equal(b.records[0].timestamp, res.logAppendTimeMs);
  });

  it('Fetch: watermarks, out of range, max bytes and long polling', async () => {
    const conn = await to(leaderOf('p1'));
    const f = await conn.request(Fetch, 11, fetchReq('p1', 0));
    const part = f.responses[0].partitions[0];
    assert.equal(part.errorCode, 0);
    assert.equal(part.highWatermark, 5);
    assert.equal(part.lastStableOffset, 5);
    assert.equal(part.logStartOffset, 0);
    assert.equal(decodeRecordBatches(part.records).reduce((n, b) => n + b.records.length, 0), 5);
    assert.equal((await conn.request(Fetch, 11, fetchReq('p1', 99))).responses[0].partitions[0].errorCode, 1, 'OFFSET_OUT_OF_RANGE');
    const limited = await conn.request(Fetch, 11, fetchReq('p1', 0, { maxBytes: 1 }));
    assert.equal(decodeRecordBatches(limited.responses[0].partitions[0].records).length, 1, 'one whole batch even over max bytes');
    const fenced = await conn.request(Fetch, 11, { ...fetchReq('p1', 0), topics: [{ topic: 'p1', partitions: [{ partition: 0, fetchOffset: 0, partitionMaxBytes: 1000, currentLeaderEpoch: 99, logStartOffset: -1 }] }] });
    assert.equal(fenced.responses[0].partitions[0].errorCode, 75, 'UNKNOWN_LEADER_EPOCH');

    // The record is appended once the fetch sits parked on p1-0 and has not been answered: only
    // the append can wake it, long before its max wait.
    const parkedFetches = watchParkedFetches(cluster);
    try {
      const started = Date.now();
      let answered = false;
      const parked = conn.request(Fetch, 11, fetchReq('p1', 5, { maxWaitMs: 5000, minBytes: 1 })).finally(() => (answered = true));
      await waitFor(() => parkedFetches.count('p1', 0) === 1, { timeoutMs: 3_000, what: 'the fetch to park on p1-0' });
      assert.equal(answered, false, 'a fetch with nothing to read is not answered before data arrives');
      cluster.appendRecords('p1', 0, [{ key: null, value: Buffer.from('late'), headers: [] }]);
      const woke = await parked;
      const waited = Date.now() - started;
      assert.ok(waited < 3000, `woke after ${waited} ms`);
      assert.equal(decodeRecordBatches(woke.responses[0].partitions[0].records)[0].records[0].value!.toString(), 'late');
    } finally {
      parkedFetches.stop();
    }
    const idle = Date.now();
    const empty = await conn.request(Fetch, 11, fetchReq('p1', 6, { maxWaitMs: 300, minBytes: 1 }));
    assert.ok(Date.now() - idle >= 250, 'waits max wait when nothing arrives');
    assert.equal(empty.responses[0].partitions[0].records!.length, 0);
  });

  it('ListOffsets: earliest, latest, max timestamp and by time', async () => {
    cluster.createTopic({ name: 'times', partitions: 1, replicationFactor: 1 });
    await produce('times', ['a', 'b', 'c'].map(String), 9);
    const t0 = Date.now();
    const conn = await to(leaderOf('times'));
    const ask = async (timestamp: number) => (await conn.request(ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: 'times', partitions: [{ partitionIndex: 0, timestamp, currentLeaderEpoch: -1 }] }] })).topics[0].partitions[0];
    assert.equal((await ask(-2)).offset, 0);
    assert.equal((await ask(-1)).offset, 3);
    assert.equal((await ask(-3)).offset, 2);
    assert.equal((await ask(0)).offset, 0);
    assert.equal((await ask(t0 + 60_000)).offset, -1);
    cluster.deleteRecords('times', 0, leaderOf('times'), 2);
    assert.equal((await ask(-2)).offset, 2);
  });

  it('CreateTopics: validateOnly, defaults, duplicates, bad configs', async () => {
    const conn = await to(2);
    const create = (topics: Parameters<typeof CreateTopics.encodeRequest>[2]['topics'], validateOnly = false) => conn.request(CreateTopics, 7, { timeoutMs: 1000, validateOnly, topics });
    const dry = await create([{ name: 'dry', numPartitions: 4, replicationFactor: 2, assignments: [], configs: [] }], true);
    assert.equal(dry.topics[0].errorCode, 0);
    assert.equal(dry.topics[0].numPartitions, 4);
    assert.equal(dry.topics[0].replicationFactor, 2);
    assert.equal(cluster.topics.has('dry'), false);
    const defaults = await create([{ name: 'defaults', numPartitions: -1, replicationFactor: -1, assignments: [], configs: [{ name: 'retention.ms', value: '1000' }] }]);
    assert.equal(defaults.topics[0].numPartitions, 1);
    assert.equal(defaults.topics[0].replicationFactor, 1);
    assert.equal(defaults.topics[0].topicId, cluster.topics.get('defaults')!.topicId);
    assert.equal(defaults.topics[0].configs!.find((c) => c.name === 'retention.ms')!.configSource, 1);
    const manual = await create([{ name: 'manual', numPartitions: -1, replicationFactor: -1, assignments: [{ partitionIndex: 0, brokerIds: [3, 1] }, { partitionIndex: 1, brokerIds: [1, 2] }], configs: [] }]);
    assert.equal(manual.topics[0].errorCode, 0);
    assert.deepEqual(cluster.topics.get('manual')!.partitions.map((p) => p.replicas), [[3, 1], [1, 2]]);
    const errors = await create([
      { name: 'defaults', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
      { name: 'bad/name', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
      { name: 'rf9', numPartitions: 1, replicationFactor: 9, assignments: [], configs: [] },
      { name: 'cfg', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [{ name: 'segment.ms', value: '0' }] },
      { name: 'de.fault', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
      { name: 'de_fault', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
    ]);
    assert.deepEqual(errors.topics.map((t) => t.errorCode), [36, 17, 38, 40, 0, 17]);
    assert.match(errors.topics[3].errorMessage!, /segment\.ms/);
  });

  it('CreatePartitions grows topics and refuses to shrink', async () => {
    const conn = await to(1);
    const res = await conn.request(CreatePartitions, 3, { timeoutMs: 1000, validateOnly: false, topics: [{ name: 'p1', count: 3, assignments: null }, { name: 'manual', count: 1, assignments: null }] });
    assert.deepEqual(res.results.map((r) => r.errorCode), [0, 37]);
    assert.match(res.results[1].errorMessage!, /higher than the requested 1/);
    assert.equal(cluster.topics.get('p1')!.partitions.length, 3);
  });

  it('DescribeConfigs v4: sources, synonyms, types and documentation', async () => {
    const res = await (await to(1)).request(DescribeConfigs, 4, {
      includeSynonyms: true,
      includeDocumentation: true,
      resources: [
        { resourceType: 2, resourceName: 'defaults', configurationKeys: ['retention.ms', 'cleanup.policy', 'min.insync.replicas'] },
        { resourceType: 4, resourceName: '1', configurationKeys: ['log.retention.check.interval.ms', 'broker.id'] },
        { resourceType: 2, resourceName: 'missing', configurationKeys: null },
      ],
    });
    const [topic, broker, missing] = res.results;
    const retention = topic.configs.find((c) => c.name === 'retention.ms')!;
    assert.equal(retention.value, '1000');
    assert.equal(retention.configSource, 1);
    assert.equal(retention.configType, 5);
    assert.ok(retention.documentation && retention.documentation.length > 10);
    assert.equal(retention.synonyms![0].name, 'retention.ms');
    assert.equal(topic.configs.find((c) => c.name === 'cleanup.policy')!.configType, 7);
    assert.equal(broker.configs.find((c) => c.name === 'log.retention.check.interval.ms')!.configSource, 4);
    assert.equal(missing.errorCode, 3);
  });

  it('IncrementalAlterConfigs: SET, DELETE, APPEND, SUBTRACT', async () => {
    const conn = await to(3);
    const alter = (configs: { name: string; configOperation: number; value: string | null }[]) =>
      conn.request(IncrementalAlterConfigs, 1, { validateOnly: false, resources: [{ resourceType: 2, resourceName: 'defaults', configs }] }).then((r) => r.responses[0]);
    assert.equal((await alter([{ name: 'retention.bytes', configOperation: 0, value: '1048576' }])).errorCode, 0);
    assert.equal(cluster.topics.get('defaults')!.configs.get('retention.bytes'), '1048576');
    assert.equal((await alter([{ name: 'cleanup.policy', configOperation: 2, value: 'compact' }])).errorCode, 0);
    assert.equal(cluster.topics.get('defaults')!.configs.get('cleanup.policy'), 'delete,compact');
    assert.equal((await alter([{ name: 'cleanup.policy', configOperation: 3, value: 'delete' }])).errorCode, 0);
    assert.equal(cluster.topics.get('defaults')!.configs.get('cleanup.policy'), 'compact');
    assert.equal((await alter([{ name: 'retention.ms', configOperation: 1, value: null }])).errorCode, 0);
    assert.equal(cluster.topics.get('defaults')!.configs.has('retention.ms'), false);
    const bad = await alter([{ name: 'retention.bytes', configOperation: 2, value: '5' }]);
    assert.equal(bad.errorCode, 40);
    assert.match(bad.errorMessage!, /retention\.bytes/);
    const unknown = await alter([{ name: 'retention.forever', configOperation: 0, value: '5' }]);
    assert.equal(unknown.errorCode, 40);
    assert.match(unknown.errorMessage!, /retention\.forever/);
  });

  it('DeleteRecords, DescribeLogDirs, DescribeCluster, InitProducerId, Metadata by id, DeleteTopics by id', async () => {
    const leader = leaderOf('p1');
    const conn = await to(leader);
    const del = await conn.request(DeleteRecords, 2, { timeoutMs: 1000, topics: [{ name: 'p1', partitions: [{ partitionIndex: 0, offset: -1 }] }] });
    assert.equal(del.topics[0].partitions[0].lowWatermark, 6);
    const dirs = await conn.request(DescribeLogDirs, 4, { topics: null });
    const p1 = dirs.results[0].topics.find((t) => t.name === 'p1')!;
    assert.equal(p1.partitions.find((p) => p.partitionIndex === 0)!.partitionSize, cluster.partition('p1', 0)!.log.totalBytes);
    assert.ok(dirs.results[0].totalBytes! > 0);
    const dc = await conn.request(DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 });
    assert.equal(dc.clusterId, cluster.clusterId);
    assert.equal(dc.controllerId, 1);
    assert.equal(dc.brokers.length, 3);
    const pid = await conn.request(InitProducerId, 4, { transactionalId: null, transactionTimeoutMs: 1000, producerId: -1, producerEpoch: -1 });
    assert.equal(pid.errorCode, 0);
    assert.ok(pid.producerId >= 0);
    const id = cluster.topics.get('manual')!.topicId;
    const meta = await conn.request(Metadata, 12, { topics: [{ topicId: id, name: null }, { name: 'not-there' }, { name: 'bad name' }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false });
    assert.equal(meta.topics[0].name, 'manual');
    assert.deepEqual(meta.topics.map((t) => t.errorCode), [0, 3, 17]);
    assert.equal(cluster.topics.has('not-there'), false, 'auto-creation is off by default');
    const gone = await conn.request(DeleteTopics, 6, { timeoutMs: 1000, topics: [{ name: null, topicId: id }] });
    assert.equal(gone.responses[0].errorCode, 0);
    assert.equal(cluster.topics.has('manual'), false);
  });

  it('retention removes old segments on its timer and moves the log start offset', async () => {
    const small = await startDevCluster({ brokers: 1, basePort: 0, brokerConfigs: { 'log.retention.check.interval.ms': '100' } });
    try {
      small.createTopic({ name: 'retained', partitions: 1, replicationFactor: 1, configs: { 'retention.ms': '60000' } });
      const old = Date.now() - 3_600_000;
      small.appendRecords('retained', 0, [{ key: null, value: Buffer.from('old'), headers: [], timestamp: old }]);
      small.appendRecords('retained', 0, [{ key: null, value: Buffer.from('older'), headers: [], timestamp: old }]);
      // Counts the checks the retention timer runs (every 100 ms here).
      let checks = 0;
      const applyRetention = small.applyRetention.bind(small);
      small.applyRetention = () => {
        applyRetention();
        checks++;
      };
      await waitFor(() => small.partitionOffsets('retained', 0)!.logStartOffset > 0, { timeoutMs: 5_000, what: 'the retention timer to remove the old segments' });
      assert.ok(checks > 0, 'removed by a retention check');
      const o = small.partitionOffsets('retained', 0)!;
      assert.equal(o.logStartOffset, 2);
      assert.equal(o.highWatermark, 2);
      small.appendRecords('retained', 0, [{ key: null, value: Buffer.from('fresh'), headers: [] }]);
      const checked = checks;
      await waitFor(() => checks >= checked + 3, { timeoutMs: 5_000, what: 'three retention checks after the fresh record' });
      assert.deepEqual(small.partitionOffsets('retained', 0), { logStartOffset: 2, highWatermark: 3, logEndOffset: 3 });
      assert.deepEqual(small.readRecords('retained', 0, 0, 10).map((r) => r.value!.toString()), ['fresh']);
    } finally {
      await small.close();
    }
  });

  it('answers a Metadata v0 request in its own layout', async () => {
    const conn = await to(1);
    conn.write(encodeRequest(Metadata, 0, 77, 't', { topics: [] }));
    const frame = (await conn.nextFrame())!;
    const r = new Reader(frame);
    assert.equal(r.readInt32(), 77);
    const meta = Metadata.decodeResponse(r, 0);
    assert.equal(meta.brokers.length, 3);
    assert.ok(meta.topics.some((t) => t.name === 'p1'));
  });
});
