import { diffLines } from 'diff';

// Two schema texts side by side: rows pair a line of the old text with a line of the new one, so
// unchanged lines sit level and changed ones stand opposite each other.

export interface DiffSide {
  /** 1-based line number in its text. */
  line: number;
  text: string;
}

export interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added';
  left?: DiffSide;
  right?: DiffSide;
}

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function alignedDiff(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let leftLine = 0;
  let rightLine = 0;
  let removed: string[] = [];
  const flushRemoved = (added: string[]) => {
    const pairs = Math.max(removed.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const l = removed[i];
      const r = added[i];
      const left = l === undefined ? undefined : { line: ++leftLine, text: l };
      const right = r === undefined ? undefined : { line: ++rightLine, text: r };
      rows.push({ kind: left && right ? 'changed' : left ? 'removed' : 'added', left, right });
    }
    removed = [];
  };
  for (const part of diffLines(before, after)) {
    const lines = linesOf(part.value);
    if (part.removed) {
      removed.push(...lines);
    } else if (part.added) {
      flushRemoved(lines);
    } else {
      flushRemoved([]);
      for (const text of lines) rows.push({ kind: 'same', left: { line: ++leftLine, text }, right: { line: ++rightLine, text } });
    }
  }
  flushRemoved([]);
  return rows;
}

/** A schema as indented text: JSON (Avro, JSON Schema) pretty-printed, anything else as it is. */
export function prettySchema(schema: string): string {
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}
