// The coordinator's store backed by the cluster's __consumer_offsets topic: every change is
// appended as a record (Kafka's key/value formats, offsets-records.ts) to the partition that
// owns the group, and on start the group state is rebuilt by replaying every partition. The
// topic is compacted like any `cleanup.policy=compact` topic, so it does not grow without bound.
import { apply, type OffsetLogEntry, type OffsetStore, type PersistedGroup } from './offset-log';
import { entryRecord, offsetsPartitionFor, recordEntry, type OffsetsRecord } from './offsets-records';

export const OFFSETS_TOPIC = '__consumer_offsets';

export interface OffsetsTopicHost {
  /** Partitions of __consumer_offsets; 0 while it does not exist. */
  offsetsPartitions(): number;
  appendOffsetsRecords(partition: number, records: OffsetsRecord[]): void;
  /** Every record of a partition, oldest first. */
  readOffsetsRecords(partition: number): Iterable<{ key: Buffer | null; value: Buffer | null }>;
  now(): number;
}

export class OffsetsTopicStore implements OffsetStore {
  constructor(private readonly host: OffsetsTopicHost) {}

  load(): Map<string, PersistedGroup> {
    const groups = new Map<string, PersistedGroup>();
    const n = this.host.offsetsPartitions();
    for (let p = 0; p < n; p++) {
      for (const r of this.host.readOffsetsRecords(p)) {
        const entry = recordEntry(r.key, r.value);
        if (entry) apply(groups, entry);
      }
    }
    return groups;
  }

  append(entries: OffsetLogEntry[]): void {
    const n = this.host.offsetsPartitions();
    if (n === 0 || entries.length === 0) return;
    const byPartition = new Map<number, OffsetsRecord[]>();
    const now = this.host.now();
    for (const e of entries) {
      const p = offsetsPartitionFor(e.g, n);
      let list = byPartition.get(p);
      if (!list) byPartition.set(p, (list = []));
      list.push(entryRecord(e, now));
    }
    for (const [p, records] of byPartition) {
      try {
        this.host.appendOffsetsRecords(p, records);
      } catch (err) {
        // The partition went offline between the coordinator check and the write; the in-memory
        // state stays right, only durability of this change is lost.
        console.error(`[devcluster] could not write to ${OFFSETS_TOPIC}-${p}`, err);
      }
    }
  }

  /** Compaction is the log cleaner's job for this store. */
  maybeCompact(): void {}

  close(): void {}
}
