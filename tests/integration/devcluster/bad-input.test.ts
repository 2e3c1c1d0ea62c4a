import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { encodeRequest, encodeRequestFrame } from '@/lib/protocol/headers';
import {
  ApiVersions,
  CreateTopics,
  DescribeConfigs,
  DescribeLogDirs,
  Fetch,
  FindCoordinator,
  JoinGroup,
  ListOffsets,
  Metadata,
  OffsetFetch,
  Produce,
  apiCodecsByKey,
} from '@/lib/protocol/generated';
import { encodeRecordBatch } from '@/lib/protocol/records/batch';
import { Reader } from '@/lib/protocol/reader';
import { seededRandom } from '@/tests/support/seeded-random';
import { RawConnection } from './support';

async function kafkajsStillWorks(cluster: DevCluster, topic: string): Promise<void> {
  const kafka = new Kafka({ brokers: cluster.bootstrapServers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'still alive' }] });
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  assert.ok(offsets.reduce((n, o) => n + Number(o.high), 0) >= 1);
}

describe('devcluster against bad input', () => {
  let cluster: DevCluster;

  before(async () => {
    cluster = await startDevCluster({ brokers: 3, basePort: 0 });
    cluster.createTopic({ name: 'victim', partitions: 3, replicationFactor: 3 });
  });
  after(() => cluster.close());

  it('closes the connection on a 2 GB size prefix, a negative size and a garbage header', async () => {
    for (const bytes of [
      Buffer.from([0x7f, 0xff, 0xff, 0xff, 0, 3, 0, 0]),
      Buffer.from([0xff, 0xff, 0xff, 0xf0]),
      Buffer.from([0, 0, 0, 3, 1, 2, 3]),
    ]) {
      const conn = await RawConnection.connect(cluster.bootstrapServers[0]);
      conn.write(bytes);
      assert.equal(await conn.nextFrame(), null, 'connection closed without a response');
      conn.close();
    }
  });

  it('closes the connection on an unknown API key', async () => {
    const conn = await RawConnection.connect(cluster.bootstrapServers[0]);
    conn.write(encodeRequestFrame(999, 0, 1, 'x', () => {}));
    assert.equal(await conn.nextFrame(), null);
    conn.close();
  });

  it('answers unsupported versions with UNSUPPORTED_VERSION and keeps the connection', async () => {
    const conn = await RawConnection.connect(cluster.bootstrapServers[0]);
    // ApiVersions above v3: the v0 form with the error and the full table, so the client can retry.
    conn.write(encodeRequestFrame(18, 9, 7, 'x', (w) => w.writeUnsignedVarInt(0)));
    const frame = (await conn.nextFrame())!;
    const r = new Reader(frame);
    assert.equal(r.readInt32(), 7);
    const av = ApiVersions.decodeResponse(r, 0);
    assert.equal(av.errorCode, 35);
    assert.ok(av.apiKeys.some((k) => k.apiKey === 3 && k.maxVersion === 12));
    // Produce v10 is beyond what the handler serves: same layout, error in every partition.
    const res = await conn.request(Produce, 10, { acks: 1, timeoutMs: 1000, transactionalId: null, topicData: [{ name: 'victim', partitionData: [{ index: 0, records: null }] }] });
    assert.equal(res.responses[0].partitionResponses[0].errorCode, 35);
    // ListOffsets v0 is below the handler's range.
    const lo = await conn.request(ListOffsets, 0, { replicaId: -1, topics: [{ name: 'victim', partitions: [{ partitionIndex: 0, timestamp: -1, maxNumOffsets: 1 }] }] });
    assert.equal(lo.topics[0].partitions[0].errorCode, 35);
    // The connection still serves good requests.
    const meta = await conn.request(Metadata, 1, { topics: null });
    assert.equal(meta.brokers.length, 3);
    conn.close();
  });

  it('advertises exactly the handler table in ApiVersions', async () => {
    const conn = await RawConnection.connect(cluster.bootstrapServers[1]);
    const av = await conn.request(ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    conn.close();
    const keys = av.apiKeys.map((k) => k.apiKey);
    for (const key of [0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 32, 33, 35, 36, 37, 42, 44, 47, 60]) assert.ok(keys.includes(key), `API ${key} advertised`);
    for (const k of av.apiKeys) {
      const codec = apiCodecsByKey.get(k.apiKey)!;
      assert.ok(k.minVersion >= codec.minVersion && k.maxVersion <= codec.maxVersion);
    }
    assert.deepEqual(av.apiKeys.find((k) => k.apiKey === 1), { apiKey: 1, minVersion: 2, maxVersion: 12 });
  });

  it('survives 10,000+ random and mutated frames of many APIs, then serves kafkajs', async () => {
    const rand = seededRandom(20_240_611);
    const int = (n: number) => Math.floor(rand() * n);
    const records = encodeRecordBatch({ baseOffset: 0, records: [{ key: Buffer.from('k'), value: Buffer.from('v'), headers: [{ key: 'h', value: Buffer.from('x') }], timestamp: Date.now() }] });
    const templates: Buffer[] = [];
    for (let v = 0; v <= 3; v++) templates.push(encodeRequest(ApiVersions, v, 1, 'fuzz', { clientSoftwareName: 'fuzz', clientSoftwareVersion: '1' }));
    for (const v of [0, 1, 4, 9, 12]) templates.push(encodeRequest(Metadata, v, 1, 'fuzz', { topics: [{ name: 'victim' }], allowAutoTopicCreation: true }));
    for (const v of [3, 7, 9]) templates.push(encodeRequest(Produce, v, 1, 'fuzz', { acks: 1, timeoutMs: 100, transactionalId: null, topicData: [{ name: 'victim', partitionData: [{ index: int(3), records }] }] }));
    for (const v of [4, 11, 12]) templates.push(encodeRequest(Fetch, v, 1, 'fuzz', { replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1, topics: [{ topic: 'victim', partitions: [{ partition: 0, fetchOffset: 0, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1 }] }], forgottenTopicsData: [], rackId: '' }));
    for (const v of [1, 5, 7]) templates.push(encodeRequest(ListOffsets, v, 1, 'fuzz', { replicaId: -1, isolationLevel: 0, topics: [{ name: 'victim', partitions: [{ partitionIndex: 0, timestamp: -2, currentLeaderEpoch: -1 }] }] }));
    for (const v of [2, 5, 7]) templates.push(encodeRequest(CreateTopics, v, 1, 'fuzz', { timeoutMs: 100, validateOnly: false, topics: [{ name: 'fuzzed', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [{ name: 'retention.ms', value: '1000' }] }] }));
    for (const v of [1, 4]) templates.push(encodeRequest(DescribeConfigs, v, 1, 'fuzz', { resources: [{ resourceType: 2, resourceName: 'victim', configurationKeys: null }], includeSynonyms: true, includeDocumentation: true }));
    for (const v of [1, 4]) templates.push(encodeRequest(DescribeLogDirs, v, 1, 'fuzz', { topics: null }));
    for (const v of [1, 3]) templates.push(encodeRequest(FindCoordinator, v, 1, 'fuzz', { key: 'g', keyType: 0 }));
    for (const v of [1, 5]) templates.push(encodeRequest(JoinGroup, v, 1, 'fuzz', { groupId: 'fuzz-group', sessionTimeoutMs: 6000, rebalanceTimeoutMs: 100, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from([0, 0]) }] }));
    for (const v of [1, 6]) templates.push(encodeRequest(OffsetFetch, v, 1, 'fuzz', { groupId: 'g', topics: [{ name: 'victim', partitionIndexes: [0, 1] }] }));

    const mutate = (frame: Buffer): Buffer => {
      const out = Buffer.from(frame);
      switch (int(6)) {
        case 0: // bit flips past the size prefix
          for (let i = 0, n = 1 + int(4); i < n; i++) {
            const at = 4 + int(out.length - 4);
            out[at] ^= 1 << int(8);
          }
          return out;
        case 1: { // truncate, keeping the size prefix consistent
          const len = 4 + int(out.length - 4);
          const t = out.subarray(0, len);
          t.writeInt32BE(len - 4, 0);
          return t;
        }
        case 2: // random bytes over a span
          for (let i = 4 + int(out.length - 4), n = int(16); i < out.length && n > 0; i++, n--) out[i] = int(256);
          return out;
        case 3: // absurd length or count field somewhere in the body
          if (out.length > 12) out.writeInt32BE(int(2) ? 0x7fffffff : -2 - int(1000), 8 + int(out.length - 12));
          return out;
        case 4: // a version nobody serves
          out.writeInt16BE(int(2) ? 100 + int(1000) : -1 - int(10), 6);
          return out;
        default: { // pure noise with a plausible size
          const n = int(200);
          const noise = Buffer.alloc(4 + n);
          noise.writeInt32BE(n, 0);
          for (let i = 4; i < noise.length; i++) noise[i] = int(256);
          return noise;
        }
      }
    };

    let sent = 0;
    let closed = 0;
    let conn = await RawConnection.connect(cluster.bootstrapServers[int(3)]);
    const probe = encodeRequest(ApiVersions, 0, 424242, 'probe', {});
    while (sent < 10_500) {
      for (let i = 0; i < 50; i++, sent++) conn.write(mutate(templates[int(templates.length)]));
      // After each burst, a well-formed request tells whether the connection survived.
      conn.write(probe);
      let alive = false;
      try {
        for (;;) {
          const f = await conn.nextFrame(2000);
          if (!f) break;
          if (f.readInt32BE(0) === 424242) {
            alive = true;
            break;
          }
        }
      } catch {
        // No answer in time (a parked request); start over on a new connection.
      }
      if (!alive) {
        closed++;
        conn.close();
        conn = await RawConnection.connect(cluster.bootstrapServers[int(3)]);
      }
    }
    conn.close();
    assert.ok(sent >= 10_000);
    assert.ok(closed > 0, 'some frames were bad enough to close the connection');
    for (const b of cluster.brokers.values()) assert.equal(b.live, true);
    await kafkajsStillWorks(cluster, 'victim');
  });
});
