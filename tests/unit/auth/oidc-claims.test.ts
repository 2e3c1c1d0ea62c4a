import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimValues, nameFromClaims, rolesFromClaims } from '@/lib/auth/oidc-claims';

const mapping = { 'kafka-admins': ['admin'], 'kafka-viewers': ['orders-viewer'], ops: ['viewer', 'orders-viewer'] };

describe('rolesFromClaims', () => {
  it('maps each value of a list claim and drops repeats', () => {
    const claims = { groups: ['kafka-viewers', 'ops', 'unrelated'] };
    assert.deepEqual(rolesFromClaims(claims, { rolesClaim: 'groups', roleMapping: mapping, defaultRoles: [] }), ['orders-viewer', 'viewer']);
  });

  it('maps a claim that is a single string', () => {
    assert.deepEqual(rolesFromClaims({ role: 'kafka-admins' }, { rolesClaim: 'role', roleMapping: mapping, defaultRoles: [] }), ['admin']);
  });

  it('reads a dotted path into nested claims (Keycloak realm roles)', () => {
    const claims = { realm_access: { roles: ['offline_access', 'kafka-admins'] } };
    assert.deepEqual(rolesFromClaims(claims, { rolesClaim: 'realm_access.roles', roleMapping: mapping, defaultRoles: [] }), ['admin']);
  });

  it('prefers a claim whose own name contains dots', () => {
    const claims = { 'https://example.com/roles': ['kafka-admins'], https: { 'example.com/roles': ['ops'] } };
    assert.deepEqual(claimValues(claims, 'https://example.com/roles'), ['kafka-admins']);
  });

  it('adds the default roles, mapped or not', () => {
    const config = { rolesClaim: 'groups', roleMapping: mapping, defaultRoles: ['viewer'] };
    assert.deepEqual(rolesFromClaims({ groups: ['kafka-admins'] }, config), ['viewer', 'admin']);
    assert.deepEqual(rolesFromClaims({}, config), ['viewer']);
  });

  it('gives no roles for an unmapped, missing or oddly typed claim', () => {
    const config = { rolesClaim: 'groups', roleMapping: mapping, defaultRoles: [] };
    assert.deepEqual(rolesFromClaims({ groups: ['marketing'] }, config), []);
    assert.deepEqual(rolesFromClaims({}, config), []);
    assert.deepEqual(rolesFromClaims({ groups: { 'kafka-admins': true } }, config), []);
    assert.deepEqual(rolesFromClaims({ groups: [42, null, 'kafka-admins'] }, config), ['admin']);
    assert.deepEqual(rolesFromClaims({ groups: 'x' }, { ...config, rolesClaim: 'groups.length' }), []);
  });

  it('is not fooled by claim values that name object prototype members', () => {
    const config = { rolesClaim: 'groups', roleMapping: mapping, defaultRoles: [] };
    assert.deepEqual(rolesFromClaims({ groups: ['constructor', '__proto__', 'toString'] }, config), []);
  });
});

describe('nameFromClaims', () => {
  it('uses the configured claim, then the usual ones, then the subject', () => {
    assert.equal(nameFromClaims({ upn: 'ada@corp', preferred_username: 'ada', sub: 's1' }, 'upn'), 'ada@corp');
    assert.equal(nameFromClaims({ preferred_username: 'ada', sub: 's1' }, 'upn'), 'ada');
    assert.equal(nameFromClaims({ email: 'ada@example.com', sub: 's1' }, 'preferred_username'), 'ada@example.com');
    assert.equal(nameFromClaims({ sub: 's1', preferred_username: '  ' }, 'preferred_username'), 's1');
  });
});
