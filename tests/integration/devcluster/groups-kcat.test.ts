import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { hasKcat, kcat } from './support';

describe('consumer groups with kcat -G (librdkafka)', { skip: hasKcat ? false : 'kcat not installed at /usr/bin/kcat' }, () => {
  let cluster: DevCluster;
  let bootstrap: string;
  const topic = 'kcat-group-topic';
  const groupId = 'kcat-group';

  before(async () => {
    cluster = await startDevCluster({ brokers: 3 });
    bootstrap = cluster.bootstrapServers.join(',');
    cluster.createTopic({ name: topic, partitions: 3, replicationFactor: 3 });
  });

  after(() => cluster.close());

  const produce = (from: number, count: number) => {
    for (let p = 0; p < 3; p++) {
      cluster.appendRecords(topic, p, Array.from({ length: count }, (_, i) => ({ key: Buffer.from(`k${from + i}`), value: Buffer.from(`p${p}-${from + i}`), headers: [] })));
    }
  };

  /** One balanced-consumer run that exits at the end of every assigned partition (-e). */
  const consume = async () => {
    const out = await kcat(['-b', bootstrap, '-G', groupId, '-X', 'auto.offset.reset=earliest', '-e', '-q', '-f', '%p:%o:%s\\n', topic]);
    return out.trim().split('\n').filter(Boolean);
  };

  it('consumes every partition, commits, leaves, and a later run resumes from the commits', async () => {
    produce(0, 100);
    const first = await consume();
    assert.equal(first.length, 300);
    assert.equal(new Set(first).size, 300);
    for (let p = 0; p < 3; p++) {
      const offsets = first.filter((l) => l.startsWith(`${p}:`)).map((l) => Number(l.split(':')[1]));
      assert.deepEqual(offsets, Array.from({ length: 100 }, (_, i) => i), `partition ${p} in order`);
    }
    const committed = cluster.groups.fetchOffsets(groupId, null).topics[0].partitions.map((p) => p.committedOffset);
    assert.deepEqual(committed, [100, 100, 100]);
    const described = cluster.groups.describeGroup(groupId);
    assert.equal(described.groupState, 'Empty', 'kcat left the group on exit');
    assert.equal(described.protocolType, 'consumer');

    produce(100, 20);
    const second = await consume();
    assert.deepEqual(second.map((l) => l.split(':')[2]).sort(), [0, 1, 2].flatMap((p) => Array.from({ length: 20 }, (_, i) => `p${p}-${100 + i}`)).sort());
    assert.deepEqual(cluster.groups.fetchOffsets(groupId, null).topics[0].partitions.map((p) => p.committedOffset), [120, 120, 120]);
  });

  it('accepts static members (group.instance.id): they stay after exit and a restart takes their place', async () => {
    const args = ['-b', bootstrap, '-G', 'kcat-static', '-X', 'group.instance.id=worker-1', '-X', 'auto.offset.reset=earliest', '-e', '-q', '-f', '%s\\n', topic];
    await kcat(args);
    const first = cluster.groups.describeGroup('kcat-static');
    // librdkafka does not send LeaveGroup for static members: the member waits for its session timeout.
    assert.equal(first.groupState, 'Stable');
    assert.deepEqual(first.members.map((m) => m.groupInstanceId), ['worker-1']);
    produce(200, 1);
    const again = (await kcat(args)).trim().split('\n');
    assert.deepEqual(again.sort(), ['p0-200', 'p1-200', 'p2-200'], 'the restarted instance resumes from the commits');
    const second = cluster.groups.describeGroup('kcat-static');
    assert.deepEqual(second.members.map((m) => m.groupInstanceId), ['worker-1']);
    assert.notEqual(second.members[0].memberId, first.members[0].memberId, 'the old member id was replaced');
  });
});
