import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { withAdmin } from './support/kafka-admin';
import { ReplicasPage } from './pages/replicas-page';

// A broker stopped and started moves leaders off it (automatic rebalancing off, as many
// operators run Kafka); "elect preferred leaders" on the replica-sync page puts each partition's
// leader back on its preferred replica, checked with kafkajs metadata.

test('electing preferred leaders restores the original leader of every partition', async ({ page, kafka, clusterId, faults, uniqueName }) => {
  test.skip(!faults.available, 'Moving leaders needs the devcluster; TEST_KAFKA_BROKERS points at an external cluster.');
  const topic = uniqueName('e2e-elect');
  const leaders = () =>
    withAdmin(kafka, async (admin) => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      return new Map(topics[0].partitions.map((p) => [p.partitionId, { leader: p.leader, preferred: p.replicas[0] }]));
    });
  await withAdmin(kafka, (admin) => admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 3 }], waitForLeaders: true }));
  await faults.setLeaderRebalance(false);
  try {
    const original = await leaders();
    const victim = original.get(0)!.preferred;
    const ledByVictim = [...original].filter(([, p]) => p.preferred === victim).map(([i]) => i);
    await faults.stopBroker(victim);
    await faults.startBroker(victim);
    const moved = await leaders();
    for (const i of ledByVictim) expect(moved.get(i)!.leader, `partition ${i} moved off broker ${victim}`).not.toBe(victim);

    const replicas = new ReplicasPage(page, clusterId);
    await replicas.goto();
    await expect(replicas.offPreferred).toContainText(/\d+ partitions? (is|are) led by a broker other than/);
    const election = replicas.election;
    await election.scope.selectOption('topic');
    await election.topic.fill(topic);
    await election.preview.click();
    await expect(election.plan).toHaveAttribute('data-eligible', String(ledByVictim.length));
    await expect(page.getByTestId(`election-broker-${victim}`)).toContainText(`(+${ledByVictim.length})`);
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/replica-sync-election-preview.png', fullPage: true });
    await election.run.click();
    await expect(election.result).toHaveAttribute('data-elected', String(ledByVictim.length));
    await expect(election.result).toHaveAttribute('data-failed', '0');

    const after = await leaders();
    for (const [i, p] of after) expect(p.leader, `partition ${i} is led by its preferred replica again`).toBe(original.get(i)!.leader);
  } finally {
    await faults.setLeaderRebalance(true);
    await withAdmin(kafka, (admin) => admin.deleteTopics({ topics: [topic] }));
  }
});
