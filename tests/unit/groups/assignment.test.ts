import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeAssignment } from '@/lib/kafka/groups/assignment';
import { ConsumerProtocolAssignmentCodec } from '@/lib/protocol/generated';
import { Writer } from '@/lib/protocol/writer';

function encode(version: number, assigned: { topic: string; partitions: number[] }[], trailing = Buffer.alloc(0)): Buffer {
  const w = new Writer();
  w.writeInt16(version);
  ConsumerProtocolAssignmentCodec.encode(w, Math.min(version, 3), { assignedPartitions: assigned, userData: null });
  return Buffer.concat([w.toBuffer(), trailing]);
}

describe('decodeAssignment', () => {
  it('lists the assigned partitions sorted by topic and partition', () => {
    const bytes = encode(0, [{ topic: 'b', partitions: [2, 0] }, { topic: 'a', partitions: [1] }]);
    assert.deepEqual(decodeAssignment(bytes), [
      { topic: 'a', partition: 1 },
      { topic: 'b', partition: 0 },
      { topic: 'b', partition: 2 },
    ]);
  });

  it('reads versions newer than it knows (fields are appended)', () => {
    const bytes = encode(5, [{ topic: 't', partitions: [0] }], Buffer.from([1, 2, 3]));
    assert.deepEqual(decodeAssignment(bytes), [{ topic: 't', partition: 0 }]);
  });

  it('gives nothing for empty or garbage bytes', () => {
    assert.deepEqual(decodeAssignment(Buffer.alloc(0)), []);
    assert.deepEqual(decodeAssignment(null), []);
    assert.deepEqual(decodeAssignment(Buffer.from([0, 0, 0, 0, 0, 9])), []);
  });
});
