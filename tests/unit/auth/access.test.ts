import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Access, ACTIONS, BUILT_IN_ROLES, patternMatcher, rulesForRoles, type RoleRule } from '@/lib/auth/access';

const orders: RoleRule = { name: 'orders', clusters: ['prod-*'], topics: ['orders*', '/^billing-\\d+$/'], actions: ['view', 'messages:read'] };
const ops: RoleRule = { name: 'ops', clusters: ['*'], groups: ['ops-*'], actions: ['view', 'groups:reset'] };

describe('patterns', () => {
  it('globs match whole names, with * and ?', () => {
    assert.equal(patternMatcher('orders*')('orders-eu'), true);
    assert.equal(patternMatcher('orders*')('my-orders'), false);
    assert.equal(patternMatcher('a?c')('abc'), true);
    assert.equal(patternMatcher('a.c')('abc'), false, 'a dot is literal in a glob');
  });

  it('/regex/ patterns are regular expressions; a broken one matches nothing', () => {
    assert.equal(patternMatcher('/^billing-\\d+$/')('billing-42'), true);
    assert.equal(patternMatcher('/^billing-\\d+$/')('billing-x'), false);
    assert.equal(patternMatcher('/([/')('anything'), false);
  });
});

describe('Access', () => {
  const access = new Access([orders, ops]);

  it('grants an action only on matching clusters and topics', () => {
    assert.equal(access.canTopic('messages:read', 'prod-eu', 'orders-1'), true);
    assert.equal(access.canTopic('messages:read', 'prod-eu', 'billing-7'), true);
    assert.equal(access.canTopic('messages:read', 'prod-eu', 'payments'), false);
    assert.equal(access.canTopic('messages:read', 'staging', 'orders-1'), false, 'cluster pattern');
    assert.equal(access.canTopic('topics:delete', 'prod-eu', 'orders-1'), false, 'action not granted');
  });

  it('a role without group patterns covers the groups that read its topics', () => {
    assert.equal(access.can('view', 'prod-eu', { group: 'any-name', topics: ['orders-1'] }), true);
    assert.equal(access.can('view', 'prod-eu', { group: 'any-name', topics: ['payments'] }), false);
    assert.equal(access.can('view', 'prod-eu', { group: 'any-name' }), false, 'topics unknown: not covered');
    assert.equal(access.groupNeedsTopics('view', 'prod-eu'), true);
  });

  it('a role with group patterns covers the groups it names, whatever they read', () => {
    assert.equal(access.can('groups:reset', 'staging', { group: 'ops-billing' }), true);
    assert.equal(access.can('groups:reset', 'staging', { group: 'orders-app', topics: ['orders-1'] }), false);
    assert.equal(access.groupNeedsTopics('groups:reset', 'staging'), false);
  });

  it('knows when lists need no filtering', () => {
    assert.equal(access.seesAllTopics('view', 'prod-eu'), true, 'ops has no topic limit');
    assert.equal(new Access([orders]).seesAllTopics('view', 'prod-eu'), false);
    assert.equal(Access.all().seesAllTopics('view', 'x'), true);
  });

  it('collects the masking rules of every role for a topic', () => {
    const masked = new Access([
      { ...orders, masking: [{ topics: ['orders*'], fields: ['value.card'], action: 'mask' }] },
      { name: 'x', clusters: ['*'], actions: ['view'], masking: [{ topics: ['*'], headers: ['secret-*'], action: 'remove' }] },
    ]);
    assert.equal(masked.maskingFor('prod-eu', 'orders-1').length, 2);
    assert.equal(masked.maskingFor('prod-eu', 'payments').length, 1);
    assert.equal(masked.maskingFor('staging', 'orders-1').length, 1, 'the orders role does not apply on staging');
  });

  it('resolves role names to rules, built-ins included; unknown names grant nothing', () => {
    const rules = rulesForRoles(['viewer', 'orders', 'nope'], [orders]);
    assert.deepEqual(rules.map((r) => r.name), ['viewer', 'orders']);
    const viewer = new Access(rulesForRoles(['viewer'], []));
    assert.equal(viewer.canTopic('messages:read', 'any', 't'), true);
    assert.equal(viewer.canTopic('messages:produce', 'any', 't'), false);
    assert.deepEqual(BUILT_IN_ROLES[0].actions, [...ACTIONS], 'admin has every action');
    assert.equal(ACTIONS.length, 13);
  });
});
