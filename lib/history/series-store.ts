// Time series in fixed-size rings: one timestamp ring shared by every series of a store, and one
// typed array per series, so memory is fixed by the capacity, not by what is sampled.
//
//  - fine: every sample for the last `fineSpanMs` (1 h), Float64Array (exact counters and rates);
//  - coarse: the mean of each `bucketMs` (1 min) bucket for `coarseSpanMs` (24 h), Float32Array
//    (7 significant digits are plenty for a chart, and halve the memory of the long ring).
//
// A missing value (no sample: a failed tick, a series that did not exist yet) is NaN in the ring
// and null in what `read` answers; a coarse bucket is the mean of the values it has, NaN if none.
//
// Memory per series at a 10 s interval: 362 × 8 B + 1 441 × 4 B ≈ 8.7 KiB, plus ~200 B of object.

export interface SeriesStoreOptions {
  intervalMs: number;
  fineSpanMs?: number;
  bucketMs?: number;
  coarseSpanMs?: number;
}

export type Point = [number, number | null];

interface Series {
  fine: Float64Array;
  coarse: Float32Array;
  /** The open coarse bucket: sum and count of the values recorded in it. */
  sum: number;
  count: number;
  /** First time a value (or a null) was recorded for the series. */
  since: number;
}

const HOUR_MS = 60 * 60_000;

export class SeriesStore {
  readonly intervalMs: number;
  readonly fineSpanMs: number;
  readonly bucketMs: number;
  readonly coarseSpanMs: number;
  private readonly fineTimes: Float64Array;
  private readonly coarseTimes: Float64Array;
  /** Slots written so far (the ring's head is `written % capacity`). */
  private fineWritten = 0;
  private coarseWritten = 0;
  /** Start of the open coarse bucket; NaN before the first sample. */
  private openBucket = NaN;
  private readonly series = new Map<string, Series>();

  constructor(options: SeriesStoreOptions) {
    this.intervalMs = options.intervalMs;
    this.fineSpanMs = options.fineSpanMs ?? HOUR_MS;
    this.bucketMs = Math.max(options.bucketMs ?? 60_000, options.intervalMs);
    this.coarseSpanMs = options.coarseSpanMs ?? 24 * HOUR_MS;
    // A little slack: ticks are never closer than the interval but may be late.
    this.fineTimes = new Float64Array(Math.ceil(this.fineSpanMs / this.intervalMs) + 2).fill(NaN);
    this.coarseTimes = new Float64Array(Math.ceil(this.coarseSpanMs / this.bucketMs) + 1).fill(NaN);
  }

  /** One sample at `t` (not before the last one): every series not in `values` gets no value. */
  record(t: number, values: ReadonlyMap<string, number | null>): void {
    const bucket = Math.floor(t / this.bucketMs) * this.bucketMs;
    if (bucket !== this.openBucket) this.closeBucket(bucket);
    for (const key of values.keys()) if (!this.series.has(key)) this.series.set(key, this.newSeries(t));
    const slot = this.fineWritten % this.fineTimes.length;
    this.fineTimes[slot] = t;
    this.fineWritten++;
    for (const [key, s] of this.series) {
      const value = values.get(key);
      const v = value === undefined || value === null || !Number.isFinite(value) ? NaN : value;
      s.fine[slot] = v;
      if (!Number.isNaN(v)) {
        s.sum += v;
        s.count++;
      }
    }
  }

  has(key: string): boolean {
    return this.series.has(key);
  }

  keys(): IterableIterator<string> {
    return this.series.keys();
  }

  delete(key: string): void {
    this.series.delete(key);
  }

  /**
   * The points of one series between `fromMs` and `toMs`: every sample when the span fits in the
   * fine ring, else one point per coarse bucket (the open bucket last, as its mean so far).
   */
  read(key: string, fromMs: number, toMs: number): { stepMs: number; points: Point[] } {
    const s = this.series.get(key);
    const fine = toMs - fromMs <= this.fineSpanMs;
    const stepMs = fine ? this.intervalMs : this.bucketMs;
    if (!s) return { stepMs, points: [] };
    const points: Point[] = [];
    if (fine) {
      this.eachSlot(this.fineTimes, this.fineWritten, (i, t) => {
        if (t >= fromMs && t <= toMs && t >= s.since) points.push([t, value(s.fine[i])]);
      });
    } else {
      const since = Math.floor(s.since / this.bucketMs) * this.bucketMs;
      this.eachSlot(this.coarseTimes, this.coarseWritten, (i, t) => {
        if (t + this.bucketMs > fromMs && t <= toMs && t >= since) points.push([t, value(s.coarse[i])]);
      });
      if (!Number.isNaN(this.openBucket) && this.openBucket <= toMs && this.openBucket + this.bucketMs > fromMs) {
        points.push([this.openBucket, s.count ? s.sum / s.count : null]);
      }
    }
    return { stepMs, points };
  }

  /** Time of the oldest point the store still holds for the series; null for an unknown one. */
  dataSince(key: string): number | null {
    const s = this.series.get(key);
    if (!s) return null;
    const oldest = Math.min(this.oldest(this.fineTimes, this.fineWritten), this.oldest(this.coarseTimes, this.coarseWritten), this.openBucket);
    return Number.isFinite(oldest) ? Math.max(s.since, oldest) : s.since;
  }

  get size(): number {
    return this.series.size;
  }

  /** Bytes held by the rings (the typed arrays; object overhead not counted). */
  bytes(): number {
    let n = this.fineTimes.byteLength + this.coarseTimes.byteLength;
    for (const s of this.series.values()) n += s.fine.byteLength + s.coarse.byteLength;
    return n;
  }

  /** What one more series costs in ring bytes. */
  bytesPerSeries(): number {
    return this.fineTimes.length * 8 + this.coarseTimes.length * 4;
  }

  private newSeries(t: number): Series {
    return {
      fine: new Float64Array(this.fineTimes.length).fill(NaN),
      coarse: new Float32Array(this.coarseTimes.length).fill(NaN),
      sum: 0,
      count: 0,
      since: t,
    };
  }

  private closeBucket(next: number): void {
    if (!Number.isNaN(this.openBucket)) {
      const slot = this.coarseWritten % this.coarseTimes.length;
      this.coarseTimes[slot] = this.openBucket;
      this.coarseWritten++;
      for (const s of this.series.values()) {
        s.coarse[slot] = s.count ? s.sum / s.count : NaN;
        s.sum = 0;
        s.count = 0;
      }
    }
    this.openBucket = next;
  }

  private eachSlot(times: Float64Array, written: number, visit: (slot: number, t: number) => void): void {
    const n = Math.min(written, times.length);
    for (let k = written - n; k < written; k++) {
      const slot = k % times.length;
      visit(slot, times[slot]);
    }
  }

  private oldest(times: Float64Array, written: number): number {
    if (written === 0) return Infinity;
    return times[written <= times.length ? 0 : written % times.length];
  }
}

const value = (v: number): number | null => (Number.isNaN(v) ? null : v);
