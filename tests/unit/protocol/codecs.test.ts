import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiCodec, DataCodec } from '@/lib/protocol/api-codec';
import { ProtocolError } from '@/lib/protocol/errors';
import * as generated from '@/lib/protocol/generated';
import { Reader } from '@/lib/protocol/reader';
import { Writer } from '@/lib/protocol/writer';
import { loadSchema, type MessageSpec } from '@/scripts/protocol-schema';
import { seededRandom } from '@/tests/support/seeded-random';
import { project, sampleStruct, versionRange } from './schema-samples';

const APIS = [
  'ApiVersions', 'Metadata', 'Produce', 'Fetch', 'ListOffsets', 'FindCoordinator', 'JoinGroup', 'SyncGroup',
  'Heartbeat', 'LeaveGroup', 'OffsetCommit', 'OffsetFetch', 'ListGroups', 'DescribeGroups', 'DeleteGroups',
  'OffsetDelete', 'CreateTopics', 'DeleteTopics', 'CreatePartitions', 'DescribeConfigs', 'AlterConfigs',
  'IncrementalAlterConfigs', 'DeleteRecords', 'DescribeLogDirs', 'DescribeCluster', 'InitProducerId',
  'SaslHandshake', 'SaslAuthenticate', 'ElectLeaders', 'AlterPartitionReassignments', 'ListPartitionReassignments',
  'DescribeAcls', 'CreateAcls', 'DeleteAcls', 'DescribeClientQuotas', 'AlterClientQuotas',
  'DescribeUserScramCredentials', 'AlterUserScramCredentials', 'DescribeQuorum',
];

const codecs = generated as unknown as Record<string, ApiCodec<unknown, unknown> | DataCodec<unknown>>;

function roundTrip(
  schema: MessageSpec,
  v: number,
  seed: number,
  encode: (w: Writer, v: number, d: unknown) => void,
  decode: (r: Reader, v: number) => unknown,
): void {
  const sample = sampleStruct(schema, schema.fields, v, seededRandom(seed));
  const w = new Writer(16);
  encode(w, v, sample);
  const bytes = Buffer.from(w.toBuffer());
  const r = new Reader(bytes);
  const decoded = decode(r, v) as Record<string, unknown>;
  assert.equal(r.remaining, 0, `${schema.name} v${v}: ${r.remaining} bytes left over`);
  assert.deepStrictEqual(project(schema, schema.fields, v, decoded), project(schema, schema.fields, v, sample), `${schema.name} v${v} seed ${seed}`);
  // Decoding fills every top-level field, including ones absent in this version.
  for (const f of schema.fields) {
    const key = f.name.charAt(0).toLowerCase() + f.name.slice(1);
    assert.notEqual(decoded[key], undefined, `${schema.name} v${v}: ${key} left undefined`);
  }
  const again = new Writer();
  encode(again, v, decoded);
  assert.deepStrictEqual(again.toBuffer(), bytes, `${schema.name} v${v}: re-encoding the decoded value changed the bytes`);
}

describe('generated API codecs round-trip every version against the schema', () => {
  for (const name of APIS) {
    it(name, () => {
      const codec = codecs[name] as ApiCodec<unknown, unknown>;
      const req = loadSchema(`${name}Request`);
      const res = loadSchema(`${name}Response`);
      const [min, max] = versionRange(req.validVersions);
      assert.equal(codec.apiKey, req.apiKey);
      assert.equal(codec.minVersion, min);
      assert.equal(codec.maxVersion, max);
      assert.equal(generated.apiCodecsByKey.get(codec.apiKey), codec);
      for (let v = min; v <= max; v++) {
        for (let seed = 1; seed <= 4; seed++) {
          roundTrip(req, v, seed * 100 + v, (w, ver, d) => codec.encodeRequest(w, ver, d), (r, ver) => codec.decodeRequest(r, ver));
          roundTrip(res, v, seed * 100 + v + 50, (w, ver, d) => codec.encodeResponse(w, ver, d), (r, ver) => codec.decodeResponse(r, ver));
        }
      }
    });
  }

  for (const name of ['RequestHeader', 'ResponseHeader', 'ConsumerProtocolSubscription', 'ConsumerProtocolAssignment']) {
    it(name, () => {
      const codec = codecs[`${name}Codec`] as DataCodec<unknown>;
      const schema = loadSchema(name);
      const [min, max] = versionRange(schema.validVersions);
      assert.equal(codec.maxVersion, max);
      for (let v = min; v <= max; v++) {
        for (let seed = 1; seed <= 4; seed++) {
          roundTrip(schema, v, seed * 10 + v, (w, ver, d) => codec.encode(w, ver, d), (r, ver) => codec.decode(r, ver));
        }
      }
    });
  }

  it('registers exactly the allowlisted APIs', () => {
    assert.deepEqual([...generated.apiCodecsByKey.values()].map((c) => c.name).sort(), [...APIS].sort());
  });
});

describe('generated codec behaviour', () => {
  it('fills schema defaults for fields absent in the decoded version', () => {
    const w = new Writer();
    generated.Metadata.encodeRequest(w, 3, { topics: [{ name: 't' }] });
    const d = generated.Metadata.decodeRequest(new Reader(w.toBuffer()), 3);
    assert.equal(d.allowAutoTopicCreation, true); // "default": "true", added in v4
    assert.equal(d.topics?.[0].topicId, 'AAAAAAAAAAAAAAAAAAAAAA');
  });

  it('uses schema defaults for omitted optional fields when encoding', () => {
    const w = new Writer();
    generated.ListOffsets.encodeRequest(w, 1, { replicaId: -1, topics: [] });
    assert.equal(w.toBuffer().toString('hex'), 'ffffffff' + '00000000');
    const w2 = new Writer();
    generated.ListOffsets.encodeRequest(w2, 2, { replicaId: -1, topics: [] });
    assert.equal(w2.toBuffer().toString('hex'), 'ffffffff' + '00' + '00000000'); // isolationLevel default 0
  });

  it('skips unknown tagged fields and reads known ones', () => {
    const w = new Writer();
    generated.ApiVersions.encodeResponse(w, 3, { errorCode: 0, apiKeys: [], throttleTimeMs: 0, zkMigrationReady: true });
    const bytes = w.toBuffer();
    // Body ends with the tagged section: count 1, tag 3, size 1, true.
    assert.equal(bytes.subarray(-4).toString('hex'), '01030101');
    const withUnknown = Buffer.concat([bytes.subarray(0, -4), Buffer.from('02' + '030101' + '1e02beef', 'hex')]);
    const d = generated.ApiVersions.decodeResponse(new Reader(withUnknown), 3);
    assert.equal(d.zkMigrationReady, true);
    assert.equal(d.finalizedFeaturesEpoch, -1);
  });

  it('rejects null in a position that is not nullable in that version', () => {
    assert.throws(() => generated.Metadata.encodeRequest(new Writer(), 0, { topics: null }), ProtocolError);
    assert.doesNotThrow(() => generated.Metadata.encodeRequest(new Writer(), 1, { topics: null }));
  });

  it('rejects versions outside the valid range', () => {
    assert.throws(() => generated.Metadata.encodeRequest(new Writer(), 13, { topics: [] }), /outside the supported range/);
    assert.throws(() => generated.Heartbeat.decodeResponse(new Reader(Buffer.alloc(8)), -1), ProtocolError);
  });

  it('fails cleanly on truncated bodies at every version', () => {
    for (let v = 0; v <= 12; v++) {
      const w = new Writer();
      generated.Metadata.encodeResponse(w, v, {
        brokers: [{ nodeId: 1, host: 'localhost', port: 9092 }],
        topics: [{ errorCode: 0, name: 'events', partitions: [{ errorCode: 0, partitionIndex: 0, leaderId: 1, replicaNodes: [1], isrNodes: [1] }] }],
      });
      const full = w.toBuffer();
      for (let cut = 0; cut < full.length; cut++) {
        assert.throws(() => generated.Metadata.decodeResponse(new Reader(full.subarray(0, cut)), v), ProtocolError, `v${v} cut at ${cut}`);
      }
    }
  });

  it('records stay raw bytes viewing the input', () => {
    const records = Buffer.from('raw-batch-bytes');
    const w = new Writer();
    generated.Produce.encodeRequest(w, 9, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 1000,
      topicData: [{ name: 't', partitionData: [{ index: 0, records }] }],
    });
    const input = Buffer.from(w.toBuffer());
    const d = generated.Produce.decodeRequest(new Reader(input), 9);
    const got = d.topicData[0].partitionData[0].records;
    assert.ok(got);
    assert.deepEqual(got, records);
    assert.equal(got.buffer, input.buffer);
  });
});
