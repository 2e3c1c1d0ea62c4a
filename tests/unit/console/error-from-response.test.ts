import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '@/lib/api/errors';
import { errorFromResponse } from '@/lib/api/fetcher';

// The browser rebuilds a refused response as the server's ApiError, for JSON calls and streams alike.

const refused = (status: number, body: string) => new Response(body || null, { status });

describe('errorFromResponse', () => {
  it("keeps the server's code, message and details", async () => {
    const body = { code: 'bad_request', message: 'partitions: not a list', details: { fields: { partitions: 'not a list' } } };
    const error = await errorFromResponse(refused(400, JSON.stringify(body)));
    assert.ok(error instanceof ApiError);
    assert.deepEqual([error.status, error.code, error.message], [400, 'bad_request', 'partitions: not a list']);
    assert.deepEqual(error.fieldErrors, { partitions: 'not a list' });
  });

  it('names what failed and its status when the body says nothing', async () => {
    const search = await errorFromResponse(refused(502, ''), 'Search');
    assert.deepEqual([search.status, search.code, search.message], [502, 'internal', 'Search failed with status 502']);
    const request = await errorFromResponse(refused(429, '{}'));
    assert.deepEqual([request.code, request.message], ['bad_request', 'Request failed with status 429']);
  });

  it("keeps the start of a body that is not the API's JSON as the message", async () => {
    const error = await errorFromResponse(refused(503, `upstream unavailable ${'x'.repeat(400)}`), 'Live tail');
    assert.equal(error.code, 'internal');
    assert.equal(error.message.length, 300);
    assert.match(error.message, /^upstream unavailable x+$/);
    assert.equal((await errorFromResponse(refused(413, 'Payload Too Large\n'))).code, 'bad_request');
  });
});
