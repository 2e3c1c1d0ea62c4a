import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolError } from '@/lib/protocol/errors';
import { FrameDecoder } from '@/lib/protocol/framing';
import { ApiVersions, Fetch, Metadata } from '@/lib/protocol/generated';
import {
  decodeRequestHeader,
  decodeResponseHeader,
  encodeRequest,
  encodeResponse,
  requestHeaderVersion,
  responseHeaderVersion,
} from '@/lib/protocol/headers';
import { Reader } from '@/lib/protocol/reader';

describe('header versions', () => {
  it('follow flexibility, with ApiVersions responses pinned to v0', () => {
    assert.equal(requestHeaderVersion(3, 8), 1);
    assert.equal(requestHeaderVersion(3, 9), 2);
    assert.equal(responseHeaderVersion(3, 8), 0);
    assert.equal(responseHeaderVersion(3, 9), 1);
    assert.equal(requestHeaderVersion(18, 3), 2);
    assert.equal(responseHeaderVersion(18, 3), 0);
    assert.equal(responseHeaderVersion(18, 0), 0);
    // Unknown APIs are read with header v1.
    assert.equal(requestHeaderVersion(9999, 5), 1);
    // ApiVersions above our max is still flexible (newer clients probe with it).
    assert.equal(requestHeaderVersion(18, 9), 2);
  });

  it('decodeRequestHeader reads v1 and v2 headers and leaves the reader at the body', () => {
    for (const v of [0, 8, 9, 12]) {
      const f = encodeRequest(Metadata, v, 77, v % 2 ? null : 'client', { topics: [{ name: 'x' }] });
      const r = new Reader(f.subarray(4));
      const h = decodeRequestHeader(r);
      assert.deepEqual(h, { apiKey: 3, apiVersion: v, correlationId: 77, clientId: v % 2 ? null : 'client', headerVersion: v >= 9 ? 2 : 1 });
      assert.equal(Metadata.decodeRequest(r, v).topics?.[0].name, 'x');
      assert.equal(r.remaining, 0);
    }
  });

  it('decodeResponseHeader skips the v1 tagged section', () => {
    const f = encodeResponse(Metadata, 12, 5, { brokers: [], topics: [] });
    const r = new Reader(f.subarray(4));
    assert.deepEqual(decodeResponseHeader(r, 3, 12), { correlationId: 5 });
    assert.deepEqual(Metadata.decodeResponse(r, 12).brokers, []);
  });

  it('rejects a truncated header', () => {
    assert.throws(() => decodeRequestHeader(new Reader(Buffer.from('000300', 'hex'))), ProtocolError);
  });
});

describe('FrameDecoder', () => {
  const frames = [
    encodeRequest(ApiVersions, 3, 1, 'a', { clientSoftwareName: 'x', clientSoftwareVersion: '1' }),
    encodeRequest(Metadata, 12, 2, 'a', { topics: null }),
    encodeResponse(Fetch, 13, 3, { responses: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partitions: [{ partitionIndex: 0, errorCode: 0, highWatermark: 1, records: Buffer.alloc(5000, 7) }] }] }),
  ];
  const stream = Buffer.concat(frames);
  const payloads = frames.map((f) => f.subarray(4).toString('hex'));

  it('returns many frames from one chunk as views', () => {
    const out = new FrameDecoder().push(stream);
    assert.deepEqual(out.map((b) => b.toString('hex')), payloads);
    assert.equal(out[0].buffer, stream.buffer);
  });

  it('reassembles frames split at every possible point', () => {
    for (let cut = 1; cut < stream.length; cut += 7) {
      const d = new FrameDecoder();
      const out = [...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))];
      assert.deepEqual(out.map((b) => b.toString('hex')), payloads, `cut at ${cut}`);
      assert.equal(d.pendingBytes, 0);
    }
  });

  it('handles byte-by-byte delivery and zero-length frames', () => {
    const d = new FrameDecoder();
    const withEmpty = Buffer.concat([Buffer.from('00000000', 'hex'), stream]);
    const out: Buffer[] = [];
    for (const b of withEmpty) out.push(...d.push(Buffer.from([b])));
    assert.deepEqual(out.map((b) => b.toString('hex')), ['', ...payloads]);
  });

  it('rejects negative and oversized frame sizes', () => {
    assert.throws(() => new FrameDecoder().push(Buffer.from('ffffffff', 'hex')), ProtocolError);
    assert.throws(() => new FrameDecoder(1024).push(Buffer.from('00100000', 'hex')), /invalid frame size/);
    const d = new FrameDecoder(1024);
    d.push(Buffer.from('00', 'hex'));
    assert.throws(() => d.push(Buffer.from('100000', 'hex')), /invalid frame size/);
  });
});
