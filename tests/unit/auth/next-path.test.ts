import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNextPath } from '@/lib/auth/next-path';

describe('safeNextPath', () => {
  it('keeps paths on this console', () => {
    assert.equal(safeNextPath('/clusters/a/topics?q=x'), '/clusters/a/topics?q=x');
  });
  it('sends anything that could leave the site home', () => {
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/x\nLocation: y', '', null, undefined])
      assert.equal(safeNextPath(bad), '/', String(bad));
  });
});
