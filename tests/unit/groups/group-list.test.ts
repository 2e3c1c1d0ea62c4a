import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GroupSummary, HealthStatus } from '@/lib/api/groups';
import { listGroups } from '@/lib/lag/group-list';

const group = (groupId: string, totalLag: number | null, status: HealthStatus = 'OK', extra: Partial<GroupSummary> = {}): GroupSummary => ({
  groupId,
  state: 'Stable',
  protocolType: 'consumer',
  protocol: 'range',
  members: 1,
  topics: ['orders'],
  totalLag,
  worstPartition: totalLag === null ? null : { topic: 'orders', partition: 0, lag: totalLag },
  coordinator: 0,
  health: { status, reason: '' },
  ...extra,
});

const all = [group('b', 5), group('a', 500, 'WARN'), group('c', null), group('d', 500, 'STOP', { state: 'Empty', topics: ['payments'] })];
const ids = (r: { groups: GroupSummary[] }) => r.groups.map((g) => g.groupId);

describe('listGroups', () => {
  it('sorts by lag, worst first by default, unknown lag last, ties by id', () => {
    assert.deepEqual(ids(listGroups(all, { sort: 'lag', page: 1, pageSize: 10 })), ['a', 'd', 'b', 'c']);
    assert.deepEqual(ids(listGroups(all, { sort: 'lag', dir: 'asc', page: 1, pageSize: 10 })), ['c', 'b', 'a', 'd']);
  });

  it('sorts by health worst first and by name A to Z', () => {
    assert.deepEqual(ids(listGroups(all, { sort: 'health', page: 1, pageSize: 10 })), ['d', 'a', 'b', 'c']);
    assert.deepEqual(ids(listGroups(all, { sort: 'group', page: 1, pageSize: 10 })), ['a', 'b', 'c', 'd']);
    assert.deepEqual(ids(listGroups(all, { sort: 'group', dir: 'desc', page: 1, pageSize: 10 })), ['d', 'c', 'b', 'a']);
  });

  it('searches ids and topics, filters by state and health, and counts health over all groups', () => {
    assert.deepEqual(ids(listGroups(all, { search: 'PAY', sort: 'lag', page: 1, pageSize: 10 })), ['d']);
    assert.deepEqual(ids(listGroups(all, { state: 'empty', sort: 'lag', page: 1, pageSize: 10 })), ['d']);
    const warn = listGroups(all, { health: 'WARN', sort: 'lag', page: 1, pageSize: 10 });
    assert.deepEqual(ids(warn), ['a']);
    assert.deepEqual(warn.byHealth, { OK: 2, WARN: 1, STALL: 0, STOP: 1 });
  });

  it('pages after filtering and reports the filtered total', () => {
    const page2 = listGroups(all, { sort: 'group', page: 2, pageSize: 3 });
    assert.deepEqual(ids(page2), ['d']);
    assert.equal(page2.total, 4);
    assert.deepEqual(ids(listGroups(all, { sort: 'group', page: 5, pageSize: 3 })), []);
  });
});
