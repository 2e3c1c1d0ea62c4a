import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overviewHealth, problemGroups, type HealthFacts } from '@/lib/overview/health';

const healthy: HealthFacts = {
  brokerCount: 3,
  offlineBrokerIds: [],
  offlinePartitions: 0,
  underMinIsrPartitions: 0,
  underReplicatedPartitions: 0,
  unreadableLogDirs: [],
  groupsRead: true,
  problemGroups: [],
  problemGroupCount: 0,
};

describe('overview health', () => {
  it('a healthy cluster gets five green checks and nothing else', () => {
    const checks = overviewHealth(healthy);
    assert.deepEqual(
      checks.map((c) => [c.id, c.severity, c.title]),
      [
        ['brokers', 'ok', 'All brokers online'],
        ['offline', 'ok', 'No offline partitions'],
        ['under-min-isr', 'ok', 'No partitions under min ISR'],
        ['under-replicated', 'ok', 'All replicas in sync'],
        ['groups', 'ok', 'All consumer groups keeping up'],
      ],
    );
  });

  it('names the consumer groups that need attention, red when one is not consuming', () => {
    const stopped = { groupId: 'billing', status: 'STOP' as const, reason: 'No active members.', totalLag: 40 };
    const behind = { groupId: 'audit', status: 'WARN' as const, reason: 'Lag rose.', totalLag: 900 };
    const red = overviewHealth({ ...healthy, problemGroups: [stopped, behind], problemGroupCount: 2 }).find((c) => c.id === 'groups');
    assert.deepEqual(red, { id: 'groups', severity: 'danger', title: '2 consumer groups need attention', detail: 'billing (STOP), audit (WARN).', href: '/groups' });
    const amber = overviewHealth({ ...healthy, problemGroups: [behind], problemGroupCount: 1 }).find((c) => c.id === 'groups');
    assert.equal(amber?.severity, 'warn');
    assert.equal(amber?.title, '1 consumer group needs attention');
    const many = Array.from({ length: 5 }, (_, i) => ({ ...behind, groupId: `g${i}` }));
    assert.equal(overviewHealth({ ...healthy, problemGroups: many, problemGroupCount: 5 }).find((c) => c.id === 'groups')?.detail, 'g0 (WARN), g1 (WARN), g2 (WARN) and 2 more.');
  });

  it('orders problem groups stopped, stalled, behind, then by lag, and leaves healthy ones out', () => {
    const group = (groupId: string, status: 'OK' | 'WARN' | 'STALL' | 'STOP', totalLag: number | null) => ({ groupId, health: { status, reason: status }, totalLag });
    const ordered = problemGroups([group('ok', 'OK', 5), group('w-small', 'WARN', 10), group('stall', 'STALL', 1), group('w-big', 'WARN', 500), group('stop', 'STOP', 0)]);
    assert.deepEqual(ordered.map((g) => g.groupId), ['stop', 'stall', 'w-big', 'w-small']);
  });

  it('names what is wrong and links to the page that shows it', () => {
    const checks = overviewHealth({
      ...healthy,
      offlineBrokerIds: [2],
      offlinePartitions: 4,
      underMinIsrPartitions: 5,
      underReplicatedPartitions: 9,
      unreadableLogDirs: [{ brokerId: 2, error: 'KAFKA_STORAGE_ERROR' }],
      groupsRead: false,
    });
    const byId = new Map(checks.map((c) => [c.id, c]));
    assert.deepEqual(byId.get('brokers'), { id: 'brokers', severity: 'danger', title: '1 of 3 brokers offline', detail: 'Offline: broker 2.', href: '/brokers/2' });
    assert.equal(byId.get('offline')?.title, '4 offline partitions');
    assert.equal(byId.get('under-min-isr')?.severity, 'danger');
    assert.equal(byId.get('under-replicated')?.severity, 'warn');
    assert.equal(byId.get('log-dirs')?.detail, 'broker 2: KAFKA_STORAGE_ERROR');
    assert.equal(byId.get('log-dirs')?.href, '/brokers/2');
    assert.equal(byId.get('groups')?.severity, 'warn');
  });

  it('several offline brokers link to the broker list', () => {
    const [brokers] = overviewHealth({ ...healthy, offlineBrokerIds: [1, 3] });
    assert.equal(brokers.title, '2 of 3 brokers offline');
    assert.equal(brokers.href, '/brokers');
  });
});
