import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorResponse } from '@/lib/server/route';
import { KafkaProtocolError } from '@/lib/protocol/errors';
import { BrokerTimeoutError, ConnectionClosedError, ConnectionRefusedError } from '@/lib/protocol/client';

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
