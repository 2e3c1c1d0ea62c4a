// Topic config changes as IncrementalAlterConfigs operations: only what differs is sent, so a
// change never rewrites settings the user did not touch (unlike the legacy AlterConfigs, which
// replaces the whole set and silently resets everything left out).

export type ConfigOp = { name: string; op: 'set'; value: string } | { name: string; op: 'delete' };

/** Operations that turn the current overrides into the desired ones, sorted by name. */
export function diffOverrides(current: Readonly<Record<string, string>>, desired: Readonly<Record<string, string>>): ConfigOp[] {
  const ops: ConfigOp[] = [];
  for (const [name, value] of Object.entries(desired)) {
    if (current[name] !== value) ops.push({ name, op: 'set', value });
  }
  for (const name of Object.keys(current)) {
    if (!(name in desired)) ops.push({ name, op: 'delete' });
  }
  return ops.sort((a, b) => a.name.localeCompare(b.name));
}

/** The overrides after applying operations, e.g. to preview the result. */
export function applyOps(current: Readonly<Record<string, string>>, ops: readonly ConfigOp[]): Record<string, string> {
  const next: Record<string, string> = { ...current };
  for (const op of ops) {
    if (op.op === 'set') next[op.name] = op.value;
    else delete next[op.name];
  }
  return next;
}

export interface ConfigChange {
  name: string;
  kind: 'added' | 'changed' | 'reset';
  /** The value in effect before (override or default). */
  before: string | null;
  /** The value in effect after; for a reset, the default the topic falls back to. */
  after: string | null;
}

/**
 * What each operation does to the value in effect, for the review step. A set to the current
 * value is dropped: it changes nothing.
 */
export function describeChanges(
  ops: readonly ConfigOp[],
  effective: Readonly<Record<string, string | null>>,
  overrides: Readonly<Record<string, string>>,
  defaults: Readonly<Record<string, string | null>>,
): ConfigChange[] {
  const out: ConfigChange[] = [];
  for (const op of ops) {
    const before = effective[op.name] ?? defaults[op.name] ?? null;
    if (op.op === 'delete') {
      if (op.name in overrides) out.push({ name: op.name, kind: 'reset', before, after: defaults[op.name] ?? null });
    } else if (overrides[op.name] !== op.value) {
      out.push({ name: op.name, kind: op.name in overrides ? 'changed' : 'added', before, after: op.value });
    }
  }
  return out;
}

/** Merges pending edits into one op per name: the last edit of a name wins. */
export function mergeOps(pending: readonly ConfigOp[], next: ConfigOp): ConfigOp[] {
  return [...pending.filter((p) => p.name !== next.name), next].sort((a, b) => a.name.localeCompare(b.name));
}
