import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Access, BUILT_IN_ROLES, type RoleRule } from '@/lib/auth/access';
import { groupView } from '@/lib/kafka/groups/views';
import type { GroupsSnapshot, RawGroup } from '@/lib/kafka/groups/types';
import { groupTopics, restrictGroup } from '@/lib/kafka/visibility';
import { LagHistory } from '@/lib/lag/history';
import { visibilityFor } from '@/lib/server/visibility';

const orders: RoleRule = { name: 'orders', clusters: ['*'], topics: ['orders*'], actions: ['view'] };

const group: RawGroup = {
  groupId: 'billing',
  state: 'Stable',
  protocolType: 'consumer',
  protocol: 'range',
  coordinator: 1,
  members: [{ memberId: 'm', groupInstanceId: null, clientId: 'c', host: 'h', assignment: [{ topic: 'orders', partition: 0 }, { topic: 'payments', partition: 0 }] }],
  offsets: new Map([
    ['orders', [{ partition: 0, committed: 90, metadata: null }]],
    ['payments', [{ partition: 0, committed: 0, metadata: null }]],
  ]),
};
const snapshot: GroupsSnapshot = {
  groups: [group],
  logs: new Map([
    ['orders:0', { logStart: 0, logEnd: 100 }],
    ['payments:0', { logStart: 0, logEnd: 1_000 }],
  ]),
  warnings: [],
  fetchedAt: 1_000,
  loadMs: 1,
};

describe('visibility', () => {
  it('is undefined (no filtering at all) for roles that see every topic and group', () => {
    assert.equal(visibilityFor(Access.all(), 'main'), undefined);
    assert.equal(visibilityFor(new Access([BUILT_IN_ROLES[1]]), 'main'), undefined);
  });

  it('limits topics, and groups by the topics they read, for a topic-limited role', () => {
    const v = visibilityFor(new Access([orders]), 'main');
    assert.ok(v?.topic && v.group);
    assert.equal(v.topic('orders-eu'), true);
    assert.equal(v.topic('payments'), false);
    assert.equal(v.group('billing', ['payments', 'orders']), true);
    assert.equal(v.group('billing', ['payments']), false);
  });

  it('limits groups only, for a role naming groups but not topics', () => {
    const v = visibilityFor(new Access([{ name: 'g', clusters: ['*'], groups: ['team-*'], actions: ['view'] }]), 'main');
    assert.equal(v?.topic, undefined);
    assert.equal(v?.group?.('team-a', []), true);
    assert.equal(v?.group?.('other', ['x']), false);
  });

  it('restricts a group to its visible topics before lag is computed', () => {
    const visible = (t: string) => t.startsWith('orders');
    const restricted = restrictGroup(group, visible);
    assert.deepEqual(groupTopics(restricted), ['orders']);
    assert.equal(restrictGroup(group, undefined), group);
    const full = groupView(group, snapshot, new LagHistory(60_000, 1), 60_000);
    const limited = groupView(group, snapshot, new LagHistory(60_000, 1), 60_000, visible);
    assert.equal(full.summary.totalLag, 1_010);
    assert.equal(limited.summary.totalLag, 10);
    assert.deepEqual(limited.summary.topics, ['orders']);
    assert.equal(limited.summary.worstPartition?.topic, 'orders');
  });
});
