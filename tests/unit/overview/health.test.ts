import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overviewHealth, type HealthFacts } from '@/lib/overview/health';

const healthy: HealthFacts = {
  brokerCount: 3,
  offlineBrokerIds: [],
  offlinePartitions: 0,
  underMinIsrPartitions: 0,
  underReplicatedPartitions: 0,
  unreadableLogDirs: [],
  groupsRead: true,
};

describe('overview health', () => {
  it('a healthy cluster gets four green checks and nothing else', () => {
    const checks = overviewHealth(healthy);
    assert.deepEqual(
      checks.map((c) => [c.id, c.severity, c.title]),
      [
        ['brokers', 'ok', 'All brokers online'],
        ['offline', 'ok', 'No offline partitions'],
        ['under-min-isr', 'ok', 'No partitions under min ISR'],
        ['under-replicated', 'ok', 'All replicas in sync'],
      ],
    );
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
