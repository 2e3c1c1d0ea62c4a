import fs from 'node:fs';
import path from 'node:path';
import { scanStoredBatches } from '../log/batch';
import type { RestoredSegment } from '../log/partition-log';
import type { LogStorage, SegmentFile } from './types';

const SEGMENT_SUFFIX = '.log';
const LOG_START_FILE = 'log-start-offset';

/** Writes a small file so that a crash leaves either the old or the new content. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

function segmentName(baseOffset: number): string {
  return `${String(baseOffset).padStart(20, '0')}${SEGMENT_SUFFIX}`;
}

/** Open segment files, least recently used first: thousands of partitions must not exhaust file descriptors. */
const openFiles = new Set<FileSegment>();
const MAX_OPEN_FILES = 256;

class FileSegment implements SegmentFile {
  private fd: number | null = null;

  constructor(private readonly file: string) {}

  private open(): number {
    openFiles.delete(this);
    openFiles.add(this);
    if (this.fd === null) {
      if (openFiles.size > MAX_OPEN_FILES) openFiles.values().next().value?.evict();
      this.fd = fs.openSync(this.file, 'a');
    }
    return this.fd;
  }

  append(buf: Buffer): void {
    const fd = this.open();
    let written = 0;
    while (written < buf.length) written += fs.writeSync(fd, buf, written, buf.length - written);
  }

  sync(): void {
    if (this.fd !== null) fs.fdatasyncSync(this.fd);
  }

  /** Closed to make room; flushed first so an acknowledged write never waits on a closed file. */
  evict(): void {
    this.sync();
    this.close();
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    openFiles.delete(this);
  }

  truncate(bytes: number): void {
    this.close();
    fs.truncateSync(this.file, bytes);
  }

  replace(buffers: Buffer[]): void {
    this.close();
    const tmp = `${this.file}.cleaned`;
    const fd = fs.openSync(tmp, 'w');
    try {
      for (const buf of buffers) {
        let written = 0;
        while (written < buf.length) written += fs.writeSync(fd, buf, written, buf.length - written);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }

  remove(): void {
    this.close();
    fs.rmSync(this.file, { force: true });
  }
}

/** One partition's directory: segment files of raw batches plus the log start offset. */
export class PartitionDir implements LogStorage {
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  openSegment(baseOffset: number): SegmentFile {
    const file = path.join(this.dir, segmentName(baseOffset));
    fs.closeSync(fs.openSync(file, 'a'));
    return new FileSegment(file);
  }

  saveLogStartOffset(offset: number): void {
    writeFileAtomic(path.join(this.dir, LOG_START_FILE), String(offset));
  }

  /** Reads segments back, cutting off a torn tail left by a killed process. */
  load(): { segments: RestoredSegment[]; logStartOffset: number } {
    const names = fs.readdirSync(this.dir).filter((n) => n.endsWith(SEGMENT_SUFFIX)).sort();
    const segments: RestoredSegment[] = [];
    for (const name of names) {
      const file = path.join(this.dir, name);
      const data = fs.readFileSync(file);
      const { batches, validBytes } = scanStoredBatches(data);
      if (validBytes < data.length) fs.truncateSync(file, validBytes);
      segments.push({ baseOffset: Number(name.slice(0, -SEGMENT_SUFFIX.length)), batches, file: new FileSegment(file) });
    }
    let logStartOffset = 0;
    try {
      logStartOffset = Number(fs.readFileSync(path.join(this.dir, LOG_START_FILE), 'utf8')) || 0;
    } catch {
      // No file yet: the log starts at 0.
    }
    return { segments, logStartOffset };
  }

  removeAll(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  close(): void {}
}
