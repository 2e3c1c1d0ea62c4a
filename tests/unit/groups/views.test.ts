import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LagHistory } from '@/lib/lag/history';
import { groupView, partitionRows, topicConsumerRows } from '@/lib/kafka/groups/views';
import type { GroupsSnapshot, RawGroup } from '@/lib/kafka/groups/types';

const snapshot = (groups: RawGroup[]): GroupsSnapshot => ({
  groups,
  logs: new Map([
    ['t:0', { logStart: 0, logEnd: 100 }],
    ['t:1', { logStart: 50, logEnd: 80 }],
    ['t:2', { logStart: 0, logEnd: 10 }],
    ['u:0', { logStart: 0, logEnd: 5 }],
  ]),
  warnings: [],
  fetchedAt: 1_000,
  loadMs: 1,
});

const member = { memberId: 'm1', groupInstanceId: null, clientId: 'app', host: '10.0.0.1', assignment: [{ topic: 't', partition: 2 }, { topic: 'u', partition: 0 }] };
const active: RawGroup = {
  groupId: 'active',
  state: 'Stable',
  protocolType: 'consumer',
  protocol: 'range',
  coordinator: 1,
  members: [member],
  offsets: new Map([['t', [{ partition: 0, committed: 90, metadata: 'x' }, { partition: 1, committed: 10, metadata: null }]]]),
};
const stopped: RawGroup = { ...active, groupId: 'stopped', state: 'Empty', members: [], offsets: new Map([['t', [{ partition: 0, committed: 40, metadata: null }]]]) };
const meta = { topicsByName: new Map([['t', { name: 't', topicId: null, internal: false, partitions: [0, 1, 2].map((partition) => ({ partition, leader: 1, leaderEpoch: 0, replicas: [1], isr: [1], offlineReplicas: [], errorCode: 0 })) }]]) };

describe('group views', () => {
  const s = snapshot([active, stopped]);
  const history = new LagHistory(3_600_000, 1);

  it('summarises lag, worst partition, topics and health', () => {
    const { summary } = groupView(active, s, history, 60_000);
    // Partition 1 committed 10 below its log start of 50 (end 80): lag 70, as kafka-consumer-groups.sh.
    assert.equal(summary.totalLag, 10 + 70);
    assert.deepEqual(summary.worstPartition, { topic: 't', partition: 1, lag: 70 });
    assert.deepEqual(summary.topics, ['t', 'u']);
    assert.equal(summary.health.status, 'OK');
    assert.equal(groupView(stopped, s, history, 60_000).summary.health.status, 'STOP');
  });

  it('lists every partition of the topics, with owner, notes and uncommitted ones', () => {
    const view = groupView(active, s, history, 60_000);
    const rows = partitionRows(active, view, s, history, meta);
    assert.deepEqual(
      rows.map((r) => [r.topic, r.partition, r.committed, r.lag, r.note, r.lost, r.owner?.host ?? null, r.metadata]),
      [
        ['t', 0, 90, 10, null, 0, null, 'x'],
        ['t', 1, 10, 70, 'below-log-start', 40, null, null],
        ['t', 2, null, null, 'no-commit', 0, '10.0.0.1', null],
        ['u', 0, null, null, 'no-commit', 0, '10.0.0.1', null],
      ],
    );
    assert.equal(rows[3].logEnd, 5);
  });

  it('lists the consumers of a topic furthest behind first, including assigned-only groups', () => {
    const views = [groupView(active, s, history, 60_000), groupView(stopped, s, history, 60_000)];
    assert.deepEqual(topicConsumerRows('t', views).map((c) => [c.groupId, c.lag, c.partitions]), [['active', 80, 2], ['stopped', 60, 1]]);
    assert.deepEqual(topicConsumerRows('u', views).map((c) => [c.groupId, c.lag, c.partitions]), [['active', null, 0]]);
    assert.deepEqual(topicConsumerRows('none', views), []);
  });
});
