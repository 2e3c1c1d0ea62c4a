import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { ApiVersions } from '@/lib/protocol/generated/api-versions';
import { Metadata } from '@/lib/protocol/generated/metadata';
import { SaslAuthenticate } from '@/lib/protocol/generated/sasl-authenticate';
import { SaslHandshake } from '@/lib/protocol/generated/sasl-handshake';
import { waitFor } from '@/tests/support/wait';
import { RawConnection } from './support';

describe('SASL authentication with kafkajs 2.2.4', () => {
  let cluster: DevCluster;

  before(async () => {
    cluster = await startDevCluster({
      brokers: 2,
      users: [
        { username: 'alice', password: 'wonderland' },
        { username: 'bob', password: 'builder', mechanisms: ['SCRAM-SHA-256'] },
      ],
    });
    cluster.createTopic({ name: 'secured', partitions: 2, replicationFactor: 2 });
  });

  after(async () => {
    await cluster.close();
  });

  const client = (sasl?: SASLOptions) =>
    new Kafka({ clientId: 'sasl-test', brokers: cluster.bootstrapServers, sasl, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 3_000 });

  for (const mechanism of ['plain', 'scram-sha-256', 'scram-sha-512'] as const) {
    it(`${mechanism}: the right password gets in, a wrong one fails with a clear error`, async () => {
      const admin = client({ mechanism, username: 'alice', password: 'wonderland' } as SASLOptions).admin();
      await admin.connect();
      try {
        assert.deepEqual((await admin.listTopics()).filter((n) => n !== '__consumer_offsets'), ['secured']);
      } finally {
        await admin.disconnect();
      }
      const intruder = client({ mechanism, username: 'alice', password: 'not-it' } as SASLOptions).admin();
      await assert.rejects(intruder.connect(), (e: Error) => {
        assert.equal(e.name, 'KafkaJSSASLAuthenticationError');
        // kafkajs prefixes the broker's message, e.g. "SASL SCRAM SHA256 authentication failed: ...".
        assert.match(e.message, new RegExp(`^SASL ${mechanism.toUpperCase().replace(/-/g, ' ').replace('SHA ', 'SHA')} authentication failed: Authentication failed`));
        assert.doesNotMatch(e.message, /not-it/, 'the password is never echoed');
        return true;
      });
    });
  }

  it('a user limited to SCRAM-SHA-256 cannot use PLAIN', async () => {
    const ok = client({ mechanism: 'scram-sha-256', username: 'bob', password: 'builder' }).admin();
    await ok.connect();
    await ok.disconnect();
    await assert.rejects(client({ mechanism: 'plain', username: 'bob', password: 'builder' }).admin().connect(), /SASL PLAIN authentication failed/);
  });

  it('consumer groups work over an authenticated connection', async () => {
    const kafka = client({ mechanism: 'scram-sha-512', username: 'alice', password: 'wonderland' });
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: 'sasl-group', sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
    await producer.connect();
    await consumer.connect();
    try {
      await producer.send({ topic: 'secured', messages: [{ key: 'a', value: 'one' }, { key: 'b', value: 'two' }] });
      await consumer.subscribe({ topic: 'secured', fromBeginning: true });
      const got: string[] = [];
      await consumer.run({ eachMessage: async ({ message }) => void got.push(message.value!.toString()) });
      await waitFor(() => got.length === 2, { timeoutMs: 20_000, what: 'messages over SASL' });
      assert.deepEqual(got.sort(), ['one', 'two']);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
    }
  });

  it('refuses requests before authentication and unknown mechanisms', async () => {
    const anonymous = client().admin();
    try {
      await assert.rejects(anonymous.connect().then(() => anonymous.listTopics()));
    } finally {
      await anonymous.disconnect();
    }

    const b = cluster.brokerInfo(1)!;
    const raw = await RawConnection.connect(`${b.host}:${b.port}`);
    try {
      const versions = await raw.request(ApiVersions, 3, { clientSoftwareName: 'raw', clientSoftwareVersion: '1' });
      assert.equal(versions.errorCode, 0, 'ApiVersions is allowed before authenticating');
      const handshake = await raw.request(SaslHandshake, 1, { mechanism: 'GSSAPI' });
      assert.equal(handshake.errorCode, 33, 'UNSUPPORTED_SASL_MECHANISM');
      assert.deepEqual(handshake.mechanisms, ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']);
      const early = await raw.request(SaslAuthenticate, 2, { authBytes: Buffer.from('\u0000alice\u0000wonderland') });
      assert.equal(early.errorCode, 34, 'ILLEGAL_SASL_STATE without a handshake');
      await assert.rejects(raw.request(Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }), /connection closed/);
    } finally {
      raw.close();
    }

    const fresh = await RawConnection.connect(`${b.host}:${b.port}`);
    try {
      assert.equal((await fresh.request(SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, 0);
      const auth = await fresh.request(SaslAuthenticate, 2, { authBytes: Buffer.from('\u0000alice\u0000wonderland') });
      assert.equal(auth.errorCode, 0);
      const meta = await fresh.request(Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      assert.deepEqual(meta.topics.map((t) => t.name).filter((n) => n !== '__consumer_offsets'), ['secured']);
    } finally {
      fresh.close();
    }
  });
});
