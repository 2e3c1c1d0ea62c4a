import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeParam } from '@/lib/url-params';

describe('routeParam', () => {
  it('decodes a percent-encoded page param once', () => {
    assert.equal(routeParam('my%20topic%2Fa'), 'my topic/a');
    assert.equal(routeParam('100%2525'), '100%25');
  });

  it('keeps the raw value when the sequence is malformed instead of throwing', () => {
    assert.throws(() => decodeURIComponent('%E0%A4%A'), URIError);
    assert.equal(routeParam('%E0%A4%A'), '%E0%A4%A');
    assert.equal(routeParam('50%'), '50%');
    assert.equal(routeParam('%ZZtopic'), '%ZZtopic');
  });
});
