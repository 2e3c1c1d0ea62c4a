import { BATCH_OFFSETS, readInt64 } from '@/lib/protocol/records/batch';

interface Appended {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
}

/** How many recent batches per producer are remembered for duplicate detection (Kafka keeps 5). */
const REMEMBERED = 5;

/**
 * Idempotent-producer bookkeeping per partition: a retried batch (same producer id, epoch and
 * sequence range as one of the last five) is answered with its original offset instead of being
 * appended twice. Only batch headers are read.
 */
export class ProducerStates {
  private readonly byId = new Map<number, { epoch: number; recent: Appended[] }>();

  /** Base offset of an earlier identical batch, or null when the batch is new. */
  duplicateOf(batch: Buffer): number | null {
    const id = readInt64(batch, BATCH_OFFSETS.PRODUCER_ID);
    if (id < 0) return null;
    const state = this.byId.get(id);
    if (!state || state.epoch !== batch.readInt16BE(BATCH_OFFSETS.PRODUCER_EPOCH)) return null;
    const first = batch.readInt32BE(BATCH_OFFSETS.BASE_SEQUENCE);
    const last = first + batch.readInt32BE(BATCH_OFFSETS.LAST_OFFSET_DELTA);
    return state.recent.find((a) => a.firstSeq === first && a.lastSeq === last)?.baseOffset ?? null;
  }

  record(batch: Buffer, baseOffset: number): void {
    const id = readInt64(batch, BATCH_OFFSETS.PRODUCER_ID);
    if (id < 0) return;
    const epoch = batch.readInt16BE(BATCH_OFFSETS.PRODUCER_EPOCH);
    let state = this.byId.get(id);
    if (!state || state.epoch !== epoch) this.byId.set(id, (state = { epoch, recent: [] }));
    const first = batch.readInt32BE(BATCH_OFFSETS.BASE_SEQUENCE);
    state.recent.push({ firstSeq: first, lastSeq: first + batch.readInt32BE(BATCH_OFFSETS.LAST_OFFSET_DELTA), baseOffset });
    if (state.recent.length > REMEMBERED) state.recent.shift();
  }
}
