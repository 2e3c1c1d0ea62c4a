/** A segment's backing file; the in-memory log keeps views of the same bytes. */
export interface SegmentFile {
  append(buf: Buffer): void;
  /** Flushes appended bytes to stable storage. */
  sync(): void;
  close(): void;
  remove(): void;
  truncate(bytes: number): void;
  /** Replaces the whole content (compaction), so that a crash leaves the old or the new file. */
  replace(buffers: Buffer[]): void;
}

/** Where one partition's log lives on disk (absent for in-memory clusters). */
export interface LogStorage {
  openSegment(baseOffset: number): SegmentFile;
  saveLogStartOffset(offset: number): void;
  removeAll(): void;
  close(): void;
}
