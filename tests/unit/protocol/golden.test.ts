/**
 * Golden bytes written out by hand from the protocol spec, compared with
 * what the generated codecs and header functions produce.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiVersions, Metadata, Produce } from '@/lib/protocol/generated';
import { decodeRequestHeader, encodeRequest, encodeResponse, encodeRequestFrame } from '@/lib/protocol/headers';
import { Reader } from '@/lib/protocol/reader';
import { Writer } from '@/lib/protocol/writer';

/** Joins hex fragments (spaces allowed) into a buffer. */
const bytes = (...parts: string[]): Buffer => Buffer.from(parts.join('').replace(/\s+/g, ''), 'hex');
const frame = (body: Buffer): Buffer => Buffer.concat([bytes((body.length >>> 0).toString(16).padStart(8, '0')), body]);

describe('golden bytes', () => {
  it('ApiVersions v3 request frame (flexible body, request header v2)', () => {
    const expected = frame(
      bytes(
        '0012', // api key 18
        '0003', // api version 3
        '00000007', // correlation id
        '0004', '74657374', // client id "test": classic int16 length even in header v2
        '00', // header tagged fields
        '03', '6b63', // client software name "kc" (compact: length + 1)
        '04', '312e30', // client software version "1.0"
        '00', // body tagged fields
      ),
    );
    const got = encodeRequest(ApiVersions, 3, 7, 'test', { clientSoftwareName: 'kc', clientSoftwareVersion: '1.0' });
    assert.equal(got.toString('hex'), expected.toString('hex'));
    const r = new Reader(got.subarray(4));
    assert.deepEqual(decodeRequestHeader(r), { apiKey: 18, apiVersion: 3, correlationId: 7, clientId: 'test', headerVersion: 2 });
    assert.deepEqual(ApiVersions.decodeRequest(r, 3), { clientSoftwareName: 'kc', clientSoftwareVersion: '1.0' });
  });

  it('ApiVersions v0 request is an empty body after a v1 header', () => {
    assert.equal(encodeRequest(ApiVersions, 0, 1, null, {}).toString('hex'), '0000000a' + '0012' + '0000' + '00000001' + 'ffff');
  });

  it('Metadata v1 request with two topics and with all topics (null)', () => {
    const body = bytes('00000002', '0001', '61', '0002', '6263');
    const w = new Writer();
    Metadata.encodeRequest(w, 1, { topics: [{ name: 'a' }, { name: 'bc' }] });
    assert.equal(w.toBuffer().toString('hex'), body.toString('hex'));
    const all = new Writer();
    Metadata.encodeRequest(all, 1, { topics: null });
    assert.equal(all.toBuffer().toString('hex'), 'ffffffff');
    const f = encodeRequest(Metadata, 1, 0x01020304, 'c', { topics: [{ name: 'a' }, { name: 'bc' }] });
    assert.equal(f.toString('hex'), frame(bytes('0003', '0001', '01020304', '0001', '63', body.toString('hex'))).toString('hex'));
  });

  it('Produce v3 request: header v1 then transactional id, acks, timeout, topic data', () => {
    const records = bytes('deadbeef');
    const expected = frame(
      bytes(
        '0000', '0003', '0000002a', '0002', '6b63', // header v1: Produce, v3, correlation 42, client "kc"
        'ffff', // transactional id null
        'ffff', // acks -1
        '00007530', // timeout 30000
        '00000001', '0001', '74', // one topic "t"
        '00000001', '00000002', // one partition: index 2
        '00000004', 'deadbeef', // records as int32-length bytes
      ),
    );
    const got = encodeRequest(Produce, 3, 42, 'kc', {
      transactionalId: null,
      acks: -1,
      timeoutMs: 30000,
      topicData: [{ name: 't', partitionData: [{ index: 2, records }] }],
    });
    assert.equal(got.toString('hex'), expected.toString('hex'));
  });

  it('ApiVersions v3 response keeps response header v0 and writes tagged fields', () => {
    const got = encodeResponse(ApiVersions, 3, 9, {
      errorCode: 0,
      apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 4 }],
      throttleTimeMs: 0,
      finalizedFeaturesEpoch: 5,
    });
    const expected = frame(
      bytes(
        '00000009', // correlation id; no header tagged fields even though the body is flexible
        '0000', // error code
        '02', '0012', '0000', '0004', '00', // compact array of one ApiVersion + its tagged fields
        '00000000', // throttle
        '01', '01', '08', '0000000000000005', // one tagged field: tag 1, 8 bytes, epoch 5
      ),
    );
    assert.equal(got.toString('hex'), expected.toString('hex'));
  });

  it('Metadata v9 response uses response header v1 (tagged section after correlation id)', () => {
    const got = encodeResponse(Metadata, 9, 1, { throttleTimeMs: 0, brokers: [], clusterId: null, controllerId: 1, topics: [] });
    const expected = bytes(
      '00000015', // size 21
      '00000001', '00', // correlation id + header tagged fields
      '00000000', // throttle
      '01', // brokers: empty compact array
      '00', // cluster id null
      '00000001', // controller id
      '01', // topics: empty compact array
      '80000000', // cluster authorized operations (v8-10), default INT32_MIN
      '00', // body tagged fields
    );
    assert.equal(got.toString('hex'), expected.toString('hex'));
  });

  it('header-only frames built with encodeRequestFrame', () => {
    const got = encodeRequestFrame(12, 4, 5, null, (w) => w.writeInt8(1));
    // Heartbeat v4 is flexible: header v2 = classic null client id + empty tagged section.
    assert.equal(got.toString('hex'), '0000000c' + '000c' + '0004' + '00000005' + 'ffff' + '00' + '01');
  });
});
