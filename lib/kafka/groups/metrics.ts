import 'server-only';
import { listClusters } from '@/lib/kafka/clusters';
import { withDeadline } from '@/lib/kafka/deadline';
import { getMetadata } from '@/lib/kafka/metadata';
import { exposition, type Family } from '@/lib/lag/prometheus';
import { groupViews } from './service';

// /api/metrics: lag and group state for every configured cluster, plus the topic and broker
// gauges an alert needs next to them. One unreachable cluster reports up=0 and never fails the scrape.

const CLUSTER_DEADLINE_MS = 10_000;

/** The exposition for every cluster `include` allows (all of them by default). */
export async function metricsText(include: (clusterId: string) => boolean = () => true): Promise<string> {
  const f = families();
  const clusters = (await listClusters()).filter((c) => include(c.id));
  await Promise.all(clusters.map((c) => collect(c.id, f)));
  return exposition(Object.values(f));
}

function families() {
  const family = (name: string, help: string): Family => ({ name, help, type: 'gauge', samples: [] });
  return {
    up: family('kafka_console_cluster_up', 'Whether the console could read the cluster (1) or not (0).'),
    scrape: family('kafka_console_scrape_duration_seconds', 'Time taken to read the cluster for this scrape.'),
    brokerUp: family('kafka_broker_up', 'Whether a known broker is in the cluster metadata (1) or missing (0).'),
    partitions: family('kafka_topic_partitions', 'Number of partitions of the topic.'),
    underReplicated: family('kafka_topic_under_replicated_partitions', 'Partitions of the topic with fewer in-sync replicas than replicas.'),
    lag: family('kafka_consumergroup_lag', 'Messages between the committed offset of the group and the end of the partition.'),
    lagSum: family('kafka_consumergroup_lag_sum', 'Lag of the group summed over the partitions of the topic.'),
    offset: family('kafka_consumergroup_current_offset', 'Committed offset of the group on the partition.'),
    members: family('kafka_consumergroup_members', 'Active members of the group.'),
    state: family('kafka_consumergroup_state', 'The group state: 1 for the current state label.'),
    health: family('kafka_consumergroup_health', 'Burrow-style verdict (OK, WARN, STALL, STOP): 1 for the current status label.'),
  };
}

async function collect(cluster: string, f: ReturnType<typeof families>): Promise<void> {
  const started = Date.now();
  const read = withDeadline(Promise.all([getMetadata(cluster), groupViews(cluster)]), CLUSTER_DEADLINE_MS);
  const result = await read;
  f.up.samples.push({ labels: { cluster }, value: result ? 1 : 0 });
  f.scrape.samples.push({ labels: { cluster }, value: (Date.now() - started) / 1000 });
  if (!result) return;
  const [meta, { views }] = result;
  for (const b of meta.brokers) f.brokerUp.samples.push({ labels: { cluster, broker: b.id }, value: b.online ? 1 : 0 });
  for (const t of meta.topics) {
    f.partitions.samples.push({ labels: { cluster, topic: t.name }, value: t.partitions.length });
    const under = t.partitions.filter((p) => p.isr.length < p.replicas.length).length;
    f.underReplicated.samples.push({ labels: { cluster, topic: t.name }, value: under });
  }
  for (const { summary, lags } of views) {
    const group = summary.groupId;
    f.members.samples.push({ labels: { cluster, consumergroup: group }, value: summary.members });
    f.state.samples.push({ labels: { cluster, consumergroup: group, state: summary.state }, value: 1 });
    f.health.samples.push({ labels: { cluster, consumergroup: group, status: summary.health.status }, value: 1 });
    for (const [topic, rows] of lags) {
      let sum = 0;
      for (const r of rows) {
        const labels = { cluster, consumergroup: group, topic, partition: r.partition };
        f.offset.samples.push({ labels, value: r.committed });
        if (r.lag === null) continue;
        f.lag.samples.push({ labels, value: r.lag });
        sum += r.lag;
      }
      f.lagSum.samples.push({ labels: { cluster, consumergroup: group, topic }, value: sum });
    }
  }
}
