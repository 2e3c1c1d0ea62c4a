import { parseWireFrame } from '@/lib/schemas/wire-format';
import { forEachBatch, RecordCursor } from './record-cursor';
import type { FetchedPartition } from './topic-reader';

/** The schema ids of the wire-format keys and values in fetched records (a set: a topic usually holds few). */
export function schemaIdsIn(fetched: FetchedPartition[]): Set<number> {
  const ids = new Set<number>();
  const cursor = new RecordCursor();
  for (const f of fetched) {
    if (f.outOfRange || !f.records) continue;
    forEachBatch(f.records, (batch) => {
      if (batch.control) return;
      cursor.reset(batch);
      while (cursor.next()) {
        for (const bytes of [cursor.key(), cursor.value()]) {
          const frame = bytes && parseWireFrame(bytes);
          if (frame) ids.add(frame.schemaId);
        }
      }
    });
  }
  return ids;
}
