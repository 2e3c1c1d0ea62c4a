import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { toApiError } from '@/lib/kafka/errors';
import {
  BrokerConnection,
  BrokerConnectionError,
  BrokerTimeoutError,
  ClusterClient,
  ConnectionClosedError,
  ConnectionRefusedError,
  SaslAuthenticationError,
  UnsupportedVersionError,
  parseHostPort,
} from '@/lib/protocol/client';
import { ApiVersions, DescribeCluster, Heartbeat, Metadata, Produce } from '@/lib/protocol/generated';
import { decodeRecordBatches, encodeRecordBatch } from '@/lib/protocol/records/batch';
import { type TestBroker, startTestBroker } from './test-broker';

const brokers: TestBroker[] = [];
const connections: BrokerConnection[] = [];

async function broker(options?: Parameters<typeof startTestBroker>[0]): Promise<TestBroker> {
  const b = await startTestBroker(options);
  brokers.push(b);
  return b;
}

async function connect(b: TestBroker, extra: Partial<Parameters<typeof BrokerConnection.connect>[0]> = {}): Promise<BrokerConnection> {
  const c = await BrokerConnection.connect({ host: '127.0.0.1', port: b.port, ...extra });
  connections.push(c);
  return c;
}

const heartbeat = (generationId: number, groupId = 'g') => ({ groupId, generationId, memberId: 'm' });

after(async () => {
  for (const c of connections) c.close();
  await Promise.all(brokers.map((b) => b.close()));
});

describe('BrokerConnection', () => {
  it('negotiates the highest common version per API', async () => {
    const b = await broker({ versions: new Map([[18, [0, 4]], [3, [0, 9]], [12, [0, 4]]]) });
    const c = await connect(b);
    assert.equal(c.versionFor(Metadata), 9);
    assert.equal(c.versionFor(ApiVersions), 4);
    assert.throws(() => c.versionFor(DescribeCluster), UnsupportedVersionError);
    const md = await c.send(Metadata, { topics: null });
    assert.equal(md.clusterId, 'test-cluster');
    assert.deepEqual(b.requests, [[18, 4], [3, 9]]);
    const forced = await c.send(Metadata, { topics: [] }, { version: 1 });
    assert.equal(forced.brokers[0].port, b.port);
    assert.deepEqual(b.requests.at(-1), [3, 1]);
  });

  it('falls back to ApiVersions v0 when the broker rejects v3+', async () => {
    const b = await broker({ maxApiVersionsVersion: 2 });
    const c = await connect(b);
    assert.deepEqual(b.requests.map(([k, v]) => [k, v]), [[18, 4], [18, 0]]);
    assert.equal(c.versionFor(Metadata), Metadata.maxVersion);
  });

  it('uses the ApiVersions range a KIP-511 broker lists in its rejection', async () => {
    const b = await broker({ maxApiVersionsVersion: 2, listVersionsOnReject: true });
    await connect(b);
    assert.deepEqual(b.requests, [[18, 4], [18, 2]]);
  });

  it('reassembles responses the broker writes one byte at a time', async () => {
    const b = await broker({ chunkSize: 1 });
    const c = await connect(b);
    const md = await c.send(Metadata, { topics: null });
    assert.equal(md.controllerId, 1);
    assert.equal((await c.send(Heartbeat, heartbeat(42))).errorCode, 42);
  });

  it('pipelines concurrent requests and matches merged, reordered responses by correlation id', async () => {
    const b = await broker();
    const c = await connect(b);
    b.holdHeartbeats = true;
    const pending = Array.from({ length: 50 }, (_, i) => c.send(Heartbeat, heartbeat(i)));
    while (b.requests.filter(([k]) => k === 12).length < 50) await new Promise((r) => setTimeout(r, 5));
    assert.equal(c.inFlight, 50);
    b.flush(true); // all 50 responses in one chunk, newest first
    const results = await Promise.all(pending);
    assert.deepEqual(results.map((r) => r.errorCode), Array.from({ length: 50 }, (_, i) => i));
    assert.equal(c.inFlight, 0);
  });

  it('times out one request with host:port in the error and keeps the connection usable', async () => {
    const b = await broker();
    const c = await connect(b);
    const err = await c.send(Heartbeat, heartbeat(1, 'never'), { timeoutMs: 100 }).catch((e: unknown) => e);
    assert.ok(err instanceof BrokerTimeoutError);
    assert.match(err.message, new RegExp(`Heartbeat v4 request to 127\\.0\\.0\\.1:${b.port} timed out after 100 ms`));
    assert.equal((await c.send(Heartbeat, heartbeat(7))).errorCode, 7);
  });

  it('reports connection refused with the address', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const err = await BrokerConnection.connect({ host: '127.0.0.1', port }).catch((e: unknown) => e);
    assert.ok(err instanceof ConnectionRefusedError);
    assert.equal(err.message, `Connection to 127.0.0.1:${port} failed: connection refused`);
  });

  it('fails outstanding requests when the broker drops the connection', async () => {
    const b = await broker();
    const c = await connect(b);
    b.holdHeartbeats = true;
    const p = c.send(Heartbeat, heartbeat(1));
    while (!b.requests.some(([k]) => k === 12)) await new Promise((r) => setTimeout(r, 5));
    let closeReason: Error | undefined;
    c.onClose((e) => (closeReason = e));
    b.dropConnections();
    await assert.rejects(p, ConnectionClosedError);
    assert.ok(c.closed);
    assert.ok(closeReason instanceof ConnectionClosedError);
    await assert.rejects(c.send(Heartbeat, heartbeat(2)), ConnectionClosedError);
  });

  it('produces record batches with and without acknowledgement', async () => {
    const b = await broker();
    const c = await connect(b);
    const records = encodeRecordBatch({ records: [{ key: Buffer.from('k'), value: Buffer.from('hello'), timestamp: 1_700_000_000_000 }], compression: 'lz4' });
    const request = (acks: number) => ({ acks, timeoutMs: 1000, topicData: [{ name: 'events', partitionData: [{ index: 0, records }] }] });
    await assert.rejects(c.send(Produce, request(0)), /acks=0/);
    await c.sendWithoutResponse(Produce, request(0));
    const acked = await c.send(Produce, request(-1));
    assert.equal(acked.responses[0].partitionResponses[0].errorCode, 0);
    assert.equal((await c.send(Heartbeat, heartbeat(11))).errorCode, 11, 'the unanswered request must not shift correlation ids');
    assert.equal(b.produced.length, 2);
    const [batch] = decodeRecordBatches(b.produced[0].topicData[0].partitionData[0].records, { verifyCrc: true });
    assert.equal(batch.records[0].value?.toString(), 'hello');
  });
});

describe('SASL', () => {
  const users = { alice: 'wonder-land-secret' };

  for (const mechanism of ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
    it(`${mechanism} authenticates and rejects a wrong password without leaking it`, async () => {
      const b = await broker({ users });
      const c = await connect(b, { sasl: { mechanism, username: 'alice', password: users.alice } });
      assert.equal((await c.send(Heartbeat, heartbeat(3))).errorCode, 3);
      const wrong = 'not-the-password-123';
      const err = await BrokerConnection.connect({ host: '127.0.0.1', port: b.port, sasl: { mechanism, username: 'alice', password: wrong } }).catch(
        (e: unknown) => e,
      );
      assert.ok(err instanceof SaslAuthenticationError, String(err));
      assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${b.port}`));
      assert.ok(!err.message.includes(wrong) && !err.message.includes(users.alice));
      assert.ok(!String(err.stack).includes(wrong));
    });
  }

  it('names the enabled mechanisms when ours is not offered', async () => {
    const b = await broker({ users, mechanisms: ['PLAIN'] });
    const err = await BrokerConnection.connect({ host: '127.0.0.1', port: b.port, sasl: { mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'x' } }).catch(
      (e: unknown) => e,
    );
    assert.ok(err instanceof SaslAuthenticationError);
    assert.match(err.message, /SCRAM-SHA-512 is not enabled; the broker offers PLAIN/);
  });
});

describe('TLS', () => {
  it('connects with a trusted CA and rejects an untrusted certificate', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'protocol-tls-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], {
      stdio: 'pipe',
    });
    const pem = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
    const b = await broker({ tls: pem });
    const c = await connect(b, { tls: { ca: pem.cert } });
    assert.equal((await c.send(Metadata, { topics: [] })).clusterId, 'test-cluster');
    const err = await BrokerConnection.connect({ host: '127.0.0.1', port: b.port, tls: true }).catch((e: unknown) => e);
    assert.ok(err instanceof ConnectionRefusedError);
    assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${b.port}.*self.signed`));
    const insecure = await connect(b, { tls: { rejectUnauthorized: false } });
    assert.equal((await insecure.send(Heartbeat, heartbeat(5))).errorCode, 5);
  });
});

describe('ClusterClient', () => {
  it('bootstraps past a dead server, reads metadata and opens one connection per broker lazily', async () => {
    const second = await broker({ nodeId: 2 });
    const first = await broker({ nodeId: 1, peers: () => [{ nodeId: 2, host: '127.0.0.1', port: second.port }] });
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const deadPort = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));

    const client = new ClusterClient({ bootstrapServers: [`127.0.0.1:${deadPort}`, `127.0.0.1:${first.port}`], clientId: 'cluster-test' });
    try {
      const md = await client.metadata();
      assert.deepEqual(md.brokers.map((b) => b.nodeId).sort(), [1, 2]);
      assert.deepEqual(client.knownBrokers.map((b) => b.port).sort(), [first.port, second.port].sort());
      assert.equal(second.requests.length, 0, 'broker 2 should not be contacted before it is needed');
      const c2 = await client.broker(2);
      assert.equal(c2.port, second.port);
      assert.equal(await client.broker(2), c2, 'one connection per broker id');
      assert.equal((await c2.send(Heartbeat, heartbeat(9))).errorCode, 9);
      const [x, y] = await Promise.all([client.broker(1), client.broker(1)]);
      assert.equal(x, y);
      assert.ok(await client.anyBroker());
      const missing = await client.broker(99).catch((e: unknown) => e);
      assert.ok(missing instanceof BrokerConnectionError);
      assert.match(missing.message, /broker 99 is not in the cluster metadata/);
      assert.equal(toApiError(missing)?.status, 503, 'a broker gone from metadata is an outage, not a crash');
    } finally {
      await client.close();
    }
    await assert.rejects(client.anyBroker(), /closed/);
  });

  it('fails with every bootstrap address when none is reachable', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const client = new ClusterClient({ bootstrapServers: [`127.0.0.1:${port}`] });
    const err = await client.metadata().catch((e: unknown) => e);
    assert.ok(err instanceof ConnectionRefusedError);
    assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${port}.*connection refused`));
    await client.close();
  });

  it('parses host:port including bracketed IPv6', () => {
    assert.deepEqual(parseHostPort('kafka-1:9092'), { host: 'kafka-1', port: 9092 });
    assert.deepEqual(parseHostPort('[::1]:19092'), { host: '::1', port: 19092 });
    assert.throws(() => parseHostPort('nohost'), /host:port/);
    assert.throws(() => parseHostPort('h:70000'), /host:port/);
  });
});
