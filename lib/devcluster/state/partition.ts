import type { PartitionLog } from '../log/partition-log';
import { ProducerStates } from './producer-state';

/**
 * A partition and its replicas. Replication is logical: one shared log, and per replica the
 * offset it has replicated up to. The high watermark is the smallest of those across the ISR,
 * so it only moves when every in-sync replica has the data.
 */
export class Partition {
  leader: number;
  leaderEpoch = 0;
  isr: number[];
  /** Replica broker id -> log end offset that replica holds. */
  readonly replicaEnd = new Map<number, number>();
  highWatermark: number;
  readonly producers = new ProducerStates();

  constructor(
    readonly topic: string,
    readonly index: number,
    public replicas: number[],
    readonly log: PartitionLog,
  ) {
    this.leader = replicas[0];
    this.isr = [...replicas];
    const end = log.logEndOffset;
    for (const r of replicas) this.replicaEnd.set(r, end);
    this.highWatermark = end;
  }

  get logStartOffset(): number {
    return this.log.logStartOffset;
  }

  get logEndOffset(): number {
    return this.log.logEndOffset;
  }

  get offline(): boolean {
    return this.leader < 0;
  }

  replicaOffset(brokerId: number): number {
    return brokerId === this.leader ? this.log.logEndOffset : (this.replicaEnd.get(brokerId) ?? 0);
  }

  /** Recomputes the high watermark from the ISR; it never moves backwards. */
  updateHighWatermark(): void {
    let hw = this.log.logEndOffset;
    for (const r of this.isr) hw = Math.min(hw, this.replicaOffset(r));
    if (hw > this.highWatermark) this.highWatermark = hw;
    if (this.highWatermark < this.log.logStartOffset) this.highWatermark = this.log.logStartOffset;
  }
}
