import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { z } from 'zod';
import { readOnly } from '@/lib/api/errors';
import { KafkaProtocolError } from '@/lib/protocol/errors';
import { apiErrorFor, errorResponse } from '@/lib/server/route';

// mutation() takes the code and message for its audit entry from apiErrorFor; the response a
// route answers with is built from the same error, so the two always agree.

const failures: [string, () => unknown][] = [
  ['read-only refusal', () => readOnly('Cluster "local" is read-only in this console; changes are refused.')],
  ['Kafka error code', () => new KafkaProtocolError(3)],
  ['invalid input', () => z.object({ partitions: z.number() }).safeParse({ partitions: 'x' }).error],
  ['unexpected failure', () => new Error('boom')],
];

for (const [name, make] of failures) {
  test(`the audit's code and message match the response body: ${name}`, async () => {
    const log = mock.method(console, 'error', () => undefined);
    try {
      const error = make();
      const apiError = apiErrorFor(error);
      const response = errorResponse(error);
      assert.equal(response.status, apiError.status);
      assert.deepEqual(await response.json(), apiError.toBody());
    } finally {
      log.mock.restore();
    }
  });
}

test('an unexpected failure is an internal error and is logged once', () => {
  const log = mock.method(console, 'error', () => undefined);
  try {
    const apiError = apiErrorFor(new Error('boom'));
    assert.deepEqual([apiError.status, apiError.code], [500, 'internal']);
    assert.equal(log.mock.callCount(), 1);
  } finally {
    log.mock.restore();
  }
});

test('a read-only refusal keeps its code, which is what the audit records as refused', () => {
  assert.equal(apiErrorFor(readOnly('no')).code, 'read_only');
});
