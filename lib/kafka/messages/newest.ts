/**
 * Keeps the last `capacity` items pushed, in a ring. A newest-first search reads each slice
 * oldest first but can use only the slice's newest matches (as many as the limit has room for),
 * so what it holds is bounded by the limit, not by how many matches the slice contains.
 */
export class NewestKept<T> {
  private readonly items: T[] = [];
  /** Once full: the slot of the oldest item, which the next push replaces. */
  private oldest = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.capacity <= 0) return;
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.items[this.oldest] = item;
    this.oldest = (this.oldest + 1) % this.capacity;
  }

  newestFirst(): T[] {
    const n = this.items.length;
    return Array.from({ length: n }, (_, i) => this.items[(this.oldest + n - 1 - i) % n]);
  }
}
