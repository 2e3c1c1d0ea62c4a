import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorResponse } from '@/lib/server/route';
import { brokerError } from '@/lib/kafka/topics/errors';
import { kafkaErrorStatus, toApiError } from '@/lib/kafka/errors';
import { ErrorCode, KAFKA_ERRORS, KafkaProtocolError, kafkaErrorInfo } from '@/lib/protocol/errors';
import { BrokerTimeoutError, ConnectionClosedError, ConnectionRefusedError, UnsupportedVersionError } from '@/lib/protocol/client';

// Failures of the protocol client reach the browser as the API's error shape with a fitting status.

async function statusOf(error: unknown): Promise<[number, string]> {
  const response = errorResponse(error);
  const body = (await response.json()) as { code: string };
  return [response.status, body.code];
}

test('a broker that does not answer in time is a 504', async () => {
  assert.deepEqual(await statusOf(new BrokerTimeoutError('127.0.0.1:9092', 'Metadata v12 request', 10_000)), [504, 'timeout']);
});

test('a refused or dropped connection is a 503', async () => {
  assert.deepEqual(await statusOf(new ConnectionRefusedError('127.0.0.1:1', 'connection refused')), [503, 'cluster_unreachable']);
  assert.deepEqual(await statusOf(new ConnectionClosedError('127.0.0.1:9092')), [503, 'cluster_unreachable']);
});

test('Kafka error codes in a response map by their name', async () => {
  assert.deepEqual(await statusOf(new KafkaProtocolError(3)), [404, 'not_found']);
  assert.deepEqual(await statusOf(new KafkaProtocolError(29)), [403, 'forbidden']);
  assert.deepEqual(await statusOf(new KafkaProtocolError(7)), [504, 'timeout']);
});

// One map serves both the route boundary (errorResponse/toApiError) and an admin request's refusal (brokerError).

test('every Kafka error code answers with the same status from the route boundary and from an admin refusal', async () => {
  for (const code of [...KAFKA_ERRORS.keys(), 4242]) {
    if (code === ErrorCode.NONE) continue;
    const [status, apiCode] = await statusOf(new KafkaProtocolError(code));
    const refusal = brokerError(code, null);
    assert.deepEqual([refusal.status, refusal.code], [status, apiCode], kafkaErrorInfo(code).name);
    assert.deepEqual([status, apiCode], kafkaErrorStatus(code), kafkaErrorInfo(code).name);
  }
});

test('an unavailable or moving controller, leader or coordinator is a 503 from both call sites', async () => {
  for (const code of [
    ErrorCode.NOT_CONTROLLER,
    ErrorCode.LEADER_NOT_AVAILABLE,
    ErrorCode.NOT_LEADER_OR_FOLLOWER,
    ErrorCode.BROKER_NOT_AVAILABLE,
    ErrorCode.COORDINATOR_NOT_AVAILABLE,
    ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
    ErrorCode.NOT_COORDINATOR,
    ErrorCode.NOT_ENOUGH_REPLICAS,
    ErrorCode.KAFKA_STORAGE_ERROR,
  ]) {
    const name = kafkaErrorInfo(code).name;
    assert.deepEqual(await statusOf(new KafkaProtocolError(code)), [503, 'cluster_unreachable'], name);
    assert.equal(brokerError(code, null).status, 503, name);
  }
});

test("the caller's mistakes keep their 4xx from both call sites", async () => {
  const expected: [number, number, string][] = [
    [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 404, 'not_found'],
    [ErrorCode.UNKNOWN_TOPIC_ID, 404, 'not_found'],
    [ErrorCode.GROUP_ID_NOT_FOUND, 404, 'not_found'],
    [ErrorCode.TOPIC_ALREADY_EXISTS, 409, 'conflict'],
    [ErrorCode.NON_EMPTY_GROUP, 409, 'conflict'],
    [ErrorCode.INVALID_PARTITIONS, 422, 'unprocessable'],
    [ErrorCode.INVALID_REPLICATION_FACTOR, 422, 'unprocessable'],
    [ErrorCode.INVALID_CONFIG, 422, 'unprocessable'],
    [ErrorCode.POLICY_VIOLATION, 422, 'unprocessable'],
    [ErrorCode.UNSUPPORTED_VERSION, 422, 'unprocessable'],
    [ErrorCode.MESSAGE_TOO_LARGE, 413, 'payload_too_large'],
    [ErrorCode.TOPIC_AUTHORIZATION_FAILED, 403, 'forbidden'],
    [ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 403, 'forbidden'],
    [ErrorCode.REQUEST_TIMED_OUT, 504, 'timeout'],
  ];
  for (const [code, status, apiCode] of expected) {
    const name = kafkaErrorInfo(code).name;
    assert.deepEqual(await statusOf(new KafkaProtocolError(code)), [status, apiCode], name);
    const refusal = brokerError(code, null);
    assert.deepEqual([refusal.status, refusal.code], [status, apiCode], name);
  }
});

test('a Kafka error code the console does not map is a 502 that names the error', async () => {
  for (const code of [4242, ErrorCode.UNKNOWN_SERVER_ERROR, ErrorCode.CORRUPT_MESSAGE]) {
    const name = kafkaErrorInfo(code).name;
    const response = errorResponse(new KafkaProtocolError(code));
    const body = (await response.json()) as { code: string; message: string; details?: { kafkaError?: string } };
    assert.equal(response.status, 502, name);
    assert.equal(body.code, 'broker_error', name);
    assert.match(body.message, new RegExp(name));
    assert.equal(body.details?.kafkaError, name);
    const refusal = brokerError(code, 'no reason given');
    assert.equal(refusal.status, 502, name);
    assert.equal(refusal.code, 'broker_error', name);
    assert.deepEqual(refusal.details, { kafkaError: name });
  }
});

test('a Kafka failure is found behind the error that wraps it; a version mismatch stays a 500', async () => {
  const wrapped = new Error('reading groups failed', { cause: new KafkaProtocolError(ErrorCode.NOT_COORDINATOR) });
  assert.deepEqual(await statusOf(wrapped), [503, 'cluster_unreachable']);
  assert.equal(toApiError(new Error('anything else')), undefined);
});

test('an API the brokers do not offer is a 501 naming the Kafka version it needs', async () => {
  assert.deepEqual(await statusOf(new UnsupportedVersionError('127.0.0.1:9092', 'ElectLeaders', 43, 'not advertised by the broker')), [501, 'unsupported_by_cluster']);
  const error = toApiError(new UnsupportedVersionError('127.0.0.1:9092', 'DescribeUserScramCredentials', 50, 'not advertised by the broker'))!;
  assert.match(error.message, /needs Kafka 2\.7 or newer/);
  assert.deepEqual(error.details, { api: 'DescribeUserScramCredentials', needsKafka: '2.7' });
});
