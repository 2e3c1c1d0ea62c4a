import fs from 'node:fs';
import path from 'node:path';
import type { RestoredSegment } from '../log/partition-log';
import { PartitionDir, writeFileAtomic } from './disk-store';

export interface TopicMeta {
  name: string;
  topicId: string;
  configs: Record<string, string>;
  replicas: number[][];
}

export interface ClusterMeta {
  clusterId: string;
  brokerConfigs: { default: Record<string, string>; perBroker: Record<string, Record<string, string>> };
}

/**
 * On-disk layout of a cluster with a data dir:
 *   cluster.json                      cluster id, dynamic broker configs
 *   topics/<topic>/topic.json         id, config overrides, replica assignment
 *   topics/<topic>/<partition>/       segment files + log start offset
 *   groups/                           committed offsets (written by the group coordinator)
 */
export class ClusterDisk {
  private readonly topicsDir: string;

  constructor(readonly dir: string) {
    this.topicsDir = path.join(dir, 'topics');
    fs.mkdirSync(this.topicsDir, { recursive: true });
  }

  loadCluster(): ClusterMeta | null {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, 'cluster.json'), 'utf8')) as ClusterMeta;
    } catch {
      return null;
    }
  }

  saveCluster(meta: ClusterMeta): void {
    writeFileAtomic(path.join(this.dir, 'cluster.json'), JSON.stringify(meta, null, 2));
  }

  saveTopic(meta: TopicMeta): void {
    const dir = path.join(this.topicsDir, meta.name);
    fs.mkdirSync(dir, { recursive: true });
    writeFileAtomic(path.join(dir, 'topic.json'), JSON.stringify(meta));
  }

  partitionDir(topic: string, partition: number): PartitionDir {
    return new PartitionDir(path.join(this.topicsDir, topic, String(partition)));
  }

  removeTopic(name: string): void {
    fs.rmSync(path.join(this.topicsDir, name), { recursive: true, force: true });
  }

  /** Topics with their partitions' segments, as left by the previous run. */
  loadTopics(): { meta: TopicMeta; partitions: { dir: PartitionDir; segments: RestoredSegment[]; logStartOffset: number }[] }[] {
    const out = [];
    for (const name of fs.readdirSync(this.topicsDir)) {
      let meta: TopicMeta;
      try {
        meta = JSON.parse(fs.readFileSync(path.join(this.topicsDir, name, 'topic.json'), 'utf8')) as TopicMeta;
      } catch {
        // A topic whose creation never finished writing its metadata was never acknowledged.
        fs.rmSync(path.join(this.topicsDir, name), { recursive: true, force: true });
        continue;
      }
      const partitions = meta.replicas.map((_, p) => {
        const dir = this.partitionDir(meta.name, p);
        return { dir, ...dir.load() };
      });
      out.push({ meta, partitions });
    }
    return out;
  }
}
