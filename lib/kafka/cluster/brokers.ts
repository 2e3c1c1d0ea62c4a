import 'server-only';
import type { BrokerDetail, BrokerSummary, BrokersResponse, LogDir } from '@/lib/api/brokers';
import { notFound } from '@/lib/api/errors';
import { describeBrokerConfigs } from '../topics/configs';
import { getClusterLogDirs, type BrokerLogDirs, type ClusterLogDirs } from './log-dirs';
import { getMetadata, type ClusterMetadata } from '../metadata';

// Brokers as the cluster reports them, with their share of leaders and replicas and the bytes in
// their log directories. Offline brokers stay listed (from earlier metadata or replica lists).

const TOP_TOPICS = 20;

export async function listBrokers(clusterId: string, force = false): Promise<BrokersResponse> {
  const meta = await getMetadata(clusterId, force);
  const dirs = await getClusterLogDirs(clusterId, force).catch(() => null);
  return {
    clusterId: meta.kafkaClusterId,
    controllerId: meta.controllerId,
    brokers: summarize(meta, dirs),
    fetchedAt: meta.fetchedAt,
  };
}

/** `visibleTopic` keeps hidden topics out of the log directories' largest topics; sizes and counts stay the broker's. */
export async function getBrokerDetail(clusterId: string, brokerId: number, force = false, visibleTopic?: (topic: string) => boolean): Promise<BrokerDetail> {
  const meta = await getMetadata(clusterId, force);
  const dirs = await getClusterLogDirs(clusterId, force).catch(() => null);
  const broker = summarize(meta, dirs).find((b) => b.id === brokerId);
  if (!broker) throw notFound(`Broker ${brokerId} is not part of this cluster.`);
  if (!broker.online) {
    const why = `Broker ${brokerId} is offline, so it cannot be asked for its configs and log directories.`;
    return { broker, configs: [], configsError: why, logDirs: [], logDirsError: why, fetchedAt: meta.fetchedAt };
  }
  const [configs, configsError] = await describeBrokerConfigs(clusterId, brokerId).then(
    (c) => [c, null] as const,
    (e: unknown) => [[], e instanceof Error ? e.message : String(e)] as const,
  );
  const own = dirs?.brokers.get(brokerId);
  return {
    broker,
    configs: [...configs],
    configsError,
    logDirs: own ? own.dirs.map((d) => toLogDir(d, visibleTopic)) : [],
    logDirsError: !dirs ? 'Log directories could not be read.' : !own ? 'The broker did not report its log directories.' : own.error,
    fetchedAt: meta.fetchedAt,
  };
}

function summarize(meta: ClusterMetadata, dirs: ClusterLogDirs | null): BrokerSummary[] {
  const leaders = new Map<number, number>();
  const replicas = new Map<number, number>();
  const outOfSync = new Map<number, number>();
  const bump = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const t of meta.topics) {
    for (const p of t.partitions) {
      if (p.leader >= 0) bump(leaders, p.leader);
      for (const r of p.replicas) {
        bump(replicas, r);
        if (!p.isr.includes(r)) bump(outOfSync, r);
      }
    }
  }
  return meta.brokers.map((b) => {
    const logs: BrokerLogDirs | undefined = dirs?.brokers.get(b.id);
    return {
      id: b.id,
      host: b.host,
      port: b.port,
      rack: b.rack,
      controller: b.id === meta.controllerId,
      online: b.online,
      leaders: b.online ? (leaders.get(b.id) ?? 0) : 0,
      replicas: replicas.get(b.id) ?? 0,
      outOfSync: outOfSync.get(b.id) ?? 0,
      logDirSize: logs && !logs.error ? logs.size : null,
    };
  });
}

function toLogDir(dir: BrokerLogDirs['dirs'][number], visibleTopic: ((topic: string) => boolean) | undefined): LogDir {
  const byTopic = new Map<string, { name: string; partitions: number; size: number }>();
  let size = 0;
  let partitions = 0;
  for (const r of dir.replicas) {
    if (r.isFuture) continue;
    size += r.size;
    partitions += 1;
    if (visibleTopic && !visibleTopic(r.topic)) continue;
    const t = byTopic.get(r.topic) ?? { name: r.topic, partitions: 0, size: 0 };
    t.partitions += 1;
    t.size += r.size;
    byTopic.set(r.topic, t);
  }
  const topics = [...byTopic.values()].sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1)).slice(0, TOP_TOPICS);
  return { path: dir.path, error: dir.error, size, totalBytes: dir.totalBytes, usableBytes: dir.usableBytes, partitions, topics };
}
