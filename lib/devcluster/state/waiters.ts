/** Long-poll fetches parked until data arrives on one of their partitions. */
export class DataWaiters {
  private readonly byKey = new Map<string, Set<() => void>>();

  /** Calls `wake` on the next append to any of `keys`; returns a function that unregisters. */
  watch(keys: readonly string[], wake: () => void): () => void {
    for (const k of keys) {
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(wake);
    }
    return () => {
      for (const k of keys) {
        const set = this.byKey.get(k);
        if (!set) continue;
        set.delete(wake);
        if (set.size === 0) this.byKey.delete(k);
      }
    };
  }

  notify(key: string): void {
    const set = this.byKey.get(key);
    if (!set) return;
    for (const wake of [...set]) wake();
  }

  /** Wakes every parked fetch (broker stop, topic deletion, shutdown). */
  notifyAll(): void {
    for (const set of [...this.byKey.values()]) for (const wake of [...set]) wake();
  }
}

export const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;
