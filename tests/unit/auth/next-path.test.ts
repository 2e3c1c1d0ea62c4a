import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNextPath } from '@/lib/auth/next-path';

describe('safeNextPath', () => {
  it('keeps a path on this console with its query and fragment', () => {
    assert.equal(safeNextPath('/clusters/prod/topics?sort=size#top'), '/clusters/prod/topics?sort=size#top');
    assert.equal(safeNextPath('/'), '/');
  });

  it('falls back to the home page for anything that could leave the site', () => {
    for (const next of ['//evil.example/x', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'evil.example', 'javascript:alert(1)', '/\t/evil.example']) {
      assert.equal(safeNextPath(next), '/', next);
    }
    // Encoded, a control character is only part of the path.
    assert.equal(safeNextPath('/%0a//evil.example'), '/%0a//evil.example');
  });

  it('falls back for nothing, the sign-in page and the sign-in API', () => {
    for (const next of [undefined, null, '', '/login', '/login?next=/x', '/api/auth/oidc/login?next=/', `/${'a'.repeat(3000)}`]) assert.equal(safeNextPath(next), '/');
  });
});
