/**
 * DescribeLogDirs (key 35), v0-4. Each broker describes its own log dir: the replicas it holds
 * with their size in bytes (what that replica has replicated, so a lagging or stopped follower
 * shows less) and offset lag behind the leader's log end. v4 adds the disk's total and usable
 * bytes (of the data dir, or the temp dir for in-memory clusters).
 */
import fs from 'node:fs';
import os from 'node:os';
import { DescribeLogDirs } from '@/lib/protocol/generated';
import type { DevCluster } from '../cluster';
import { ErrorCode } from '@/lib/protocol/errors';
import { defineHandler } from './types';

function diskBytes(cluster: DevCluster): { totalBytes: number; usableBytes: number } {
  try {
    const s = fs.statfsSync(cluster.disk?.dir ?? os.tmpdir());
    return { totalBytes: s.blocks * s.bsize, usableBytes: s.bavail * s.bsize };
  } catch {
    return { totalBytes: -1, usableBytes: -1 };
  }
}

export const describeLogDirsHandler = defineHandler({
  codec: DescribeLogDirs,
  minVersion: 0,
  maxVersion: 4,
  handle({ cluster, broker }, req) {
    const id = broker.nodeId;
    const wanted = req.topics === null ? null : new Map(req.topics.map((t) => [t.topic, new Set(t.partitions)]));
    const topics = [];
    for (const t of cluster.topics.values()) {
      if (wanted && !wanted.has(t.name)) continue;
      const parts = t.partitions
        .filter((p) => p.replicas.includes(id) && (!wanted || wanted.get(t.name)!.has(p.index)))
        .map((p) => {
          const held = p.replicaOffset(id);
          return { partitionIndex: p.index, partitionSize: p.log.sizeUpTo(held), offsetLag: Math.max(0, p.logEndOffset - held), isFutureKey: false };
        });
      if (parts.length > 0) topics.push({ name: t.name, partitions: parts });
    }
    const logDir = cluster.brokers.get(id)!.logDir;
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, results: [{ errorCode: ErrorCode.NONE, logDir, topics, ...diskBytes(cluster) }] };
  },
});
