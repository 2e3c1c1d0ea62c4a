/**
 * Cross-checks record batches against kafkajs's own (independent) batch
 * encoder and decoder.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '@/lib/protocol/consumer-protocol';
import { decodeRecordBatches, encodeRecordBatch } from '@/lib/protocol/records/batch';

const require = createRequire(import.meta.url);
type Encoded = { buffer: Buffer };
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as { RecordBatch: (opts: Record<string, unknown>) => Promise<Encoded> };
const RecordEncoder = require('kafkajs/src/protocol/recordBatch/record/v0') as (opts: Record<string, unknown>) => Encoded;
const RecordBatchDecoder = require('kafkajs/src/protocol/recordBatch/v0/decoder') as (d: unknown) => Promise<{
  firstOffset: string;
  records: Array<{ offset: string; timestamp: string; key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer> }>;
}>;
const Decoder = require('kafkajs/src/protocol/decoder') as new (b: Buffer) => unknown;
const { CompressionTypes } = require('kafkajs') as { CompressionTypes: Record<string, number> };
const Long = require('kafkajs/src/utils/long') as { fromValue(v: number): unknown };

const T0 = 1_700_000_000_000;

describe('record batches vs kafkajs', () => {
  for (const [name, codec] of [['none', CompressionTypes.None], ['gzip', CompressionTypes.GZIP]] as const) {
    it(`decodes a kafkajs-encoded batch (${name})`, async () => {
      const records = [0, 1, 2].map((i) =>
        RecordEncoder({ offsetDelta: i, timestampDelta: i * 10, key: i === 1 ? null : Buffer.from(`k${i}`), value: Buffer.from(`v${i}`), headers: { h: Buffer.from(`x${i}`) } }),
      );
      const encoded = await RecordBatch({
        compression: codec,
        firstOffset: Long.fromValue(40),
        firstTimestamp: T0,
        maxTimestamp: T0 + 20,
        lastOffsetDelta: 2,
        records,
      });
      const [batch] = decodeRecordBatches(encoded.buffer, { verifyCrc: true });
      assert.equal(batch.attributes.compression, name);
      assert.deepEqual(
        batch.records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString(), r.headers[0].key, r.headers[0].value?.toString()]),
        [
          [40, T0, 'k0', 'v0', 'h', 'x0'],
          [41, T0 + 10, null, 'v1', 'h', 'x1'],
          [42, T0 + 20, 'k2', 'v2', 'h', 'x2'],
        ],
      );
    });
  }

  for (const compression of ['none', 'gzip'] as const) {
    it(`kafkajs decodes our batch (${compression})`, async () => {
      const ours = encodeRecordBatch({
        baseOffset: 7,
        compression,
        records: [
          { key: Buffer.from('a'), value: Buffer.from('first'), headers: [{ key: 'h1', value: Buffer.from('1') }], timestamp: T0 },
          { key: null, value: Buffer.from('second'), timestamp: T0 + 5 },
        ],
      });
      const decoded = await RecordBatchDecoder(new Decoder(ours));
      assert.equal(decoded.firstOffset, '7');
      assert.deepEqual(
        decoded.records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString(), Object.keys(r.headers)]),
        [
          ['7', String(T0), 'a', 'first', ['h1']],
          ['8', String(T0 + 5), null, 'second', []],
        ],
      );
    });
  }
});

describe('consumer protocol payloads vs kafkajs', () => {
  const { AssignerProtocol } = require('kafkajs') as {
    AssignerProtocol: {
      MemberMetadata: { encode(m: { version: number; topics: string[]; userData?: Buffer }): Buffer; decode(b: Buffer): { version: number; topics: string[] } };
      MemberAssignment: {
        encode(a: { version: number; assignment: Record<string, number[]>; userData?: Buffer }): Buffer;
        decode(b: Buffer): { version: number; assignment: Record<string, number[]> } | null;
      };
    };
  };

  it('decodes kafkajs member metadata and assignments', () => {
    for (const version of [0, 1]) {
      const sub = decodeSubscription(AssignerProtocol.MemberMetadata.encode({ version, topics: ['a', 'b'], userData: Buffer.from('u') }));
      assert.equal(sub.version, version);
      assert.deepEqual(sub.data.topics, ['a', 'b']);
      assert.deepEqual(sub.data.userData, Buffer.from('u'));
      const asg = decodeAssignment(AssignerProtocol.MemberAssignment.encode({ version, assignment: { a: [0, 1], b: [2] } }));
      assert.deepEqual(asg?.data.assignedPartitions, [{ topic: 'a', partitions: [0, 1] }, { topic: 'b', partitions: [2] }]);
    }
    assert.equal(decodeAssignment(Buffer.alloc(0)), null);
  });

  it('kafkajs decodes our v0 payloads and ours round-trip at every version', () => {
    const sub = { topics: ['t'], userData: null, ownedPartitions: [{ topic: 't', partitions: [3] }], generationId: 4, rackId: 'r1' };
    assert.deepEqual(AssignerProtocol.MemberMetadata.decode(encodeSubscription(sub, 0)).topics, ['t']);
    const asg = { assignedPartitions: [{ topic: 't', partitions: [0, 2] }], userData: null };
    assert.deepEqual(AssignerProtocol.MemberAssignment.decode(encodeAssignment(asg, 0))?.assignment, { t: [0, 2] });
    for (let v = 0; v <= 3; v++) {
      const back = decodeSubscription(encodeSubscription(sub, v));
      assert.equal(back.version, v);
      assert.deepEqual(back.data.topics, ['t']);
      assert.equal(back.data.rackId, v >= 3 ? 'r1' : null);
      assert.deepEqual(decodeAssignment(encodeAssignment(asg, v))?.data.assignedPartitions, asg.assignedPartitions);
    }
  });
});
