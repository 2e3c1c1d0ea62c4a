/** A segment's backing file; the in-memory log keeps views of the same bytes. */
export interface SegmentFile {
  append(buf: Buffer): void;
  /** Flushes appended bytes to stable storage. */
  sync(): void;
  close(): void;
  remove(): void;
  truncate(bytes: number): void;
}

/** Where one partition's log lives on disk (absent for in-memory clusters). */
export interface LogStorage {
  openSegment(baseOffset: number): SegmentFile;
  saveLogStartOffset(offset: number): void;
  removeAll(): void;
  close(): void;
}
