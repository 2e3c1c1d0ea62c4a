import { createHmac } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { patternMatcher, type MaskingRule } from '@/lib/auth/access';

// Masking of message contents for users whose roles say so. It works on a record's bytes before
// anything else sees them, so every form sent to the browser (text, base64, the hex and JSON
// views, downloads, exports) and every search test derives from the masked bytes only.
//
// A rule names parts (`key`, `value`), JSON paths below them (`value.customer.email`, `*` for
// every element or property) and header-name patterns. When several rules hit the same thing the
// strongest action wins: remove, then mask, then hash. A path into a value that is not JSON
// treats the whole value as the field: a rule never fails open. Nulls stay null: a missing key
// or value reveals nothing.

export type MaskAction = MaskingRule['action'];

/** What `mask` puts in place of a value. */
export const MASK = '***';
/** Hex characters of the keyed hash kept after `sha256:`. */
export const HASH_HEX_CHARS = 16;

export interface RawHeader {
  key: string;
  value: Buffer | null;
}

/** A record's parts as stored: the bytes the masker reads and returns. */
export interface RawRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: RawHeader[];
}

export interface Masker {
  /** The record as the user may see it. The input is not changed. */
  apply(record: RawRecord): RawRecord;
}

const STRENGTH: Record<MaskAction, number> = { hash: 1, mask: 2, remove: 3 };
const stronger = (a: MaskAction | undefined, b: MaskAction): MaskAction => (a === undefined || STRENGTH[b] > STRENGTH[a] ? b : a);

interface PathRule {
  path: string[];
  action: MaskAction;
}

interface PartRules {
  /** The whole part. */
  whole?: MaskAction;
  /** Paths below it, weakest first so a stronger action on the same field is applied last. */
  paths: PathRule[];
}

/**
 * Compiles a user's rules for one topic; undefined when there are none, so unmasked reads pay
 * nothing. `secret` keys the hash: equal values give equal hashes for holders of the same secret.
 */
export function compileMasking(rules: readonly MaskingRule[], secret: Uint8Array | string): Masker | undefined {
  if (rules.length === 0) return undefined;
  const parts: Record<'key' | 'value', PartRules> = { key: { paths: [] }, value: { paths: [] } };
  const headerRules: { matches: (name: string) => boolean; action: MaskAction }[] = [];
  for (const rule of rules) {
    for (const field of rule.fields ?? []) {
      const [part, ...path] = field.split('.');
      if (part !== 'key' && part !== 'value') continue;
      if (path.length === 0) parts[part].whole = stronger(parts[part].whole, rule.action);
      else parts[part].paths.push({ path, action: rule.action });
    }
    for (const pattern of rule.headers ?? []) headerRules.push({ matches: patternMatcher(pattern), action: rule.action });
  }
  for (const p of Object.values(parts)) p.paths.sort((a, b) => STRENGTH[a.action] - STRENGTH[b.action]);
  const hash = keyedHash(secret);
  const part = (rules: PartRules, bytes: Buffer | null) => maskPart(rules, bytes, hash);
  return {
    apply(record) {
      const headers: RawHeader[] = [];
      for (const h of record.headers) {
        let action: MaskAction | undefined;
        for (const r of headerRules) if (r.matches(h.key)) action = stronger(action, r.action);
        if (action === 'remove') continue;
        headers.push(action === undefined ? h : { key: h.key, value: maskBytes(h.value, action, hash) });
      }
      return { key: part(parts.key, record.key), value: part(parts.value, record.value), headers };
    },
  };
}

type Hash = (bytes: Buffer) => string;

/** `sha256:` and the first hex characters of an HMAC-SHA256 under the secret (never a bare hash: short values would be guessable). */
export function keyedHash(secret: Uint8Array | string): Hash {
  return (bytes) => `sha256:${createHmac('sha256', secret).update(bytes).digest('hex').slice(0, HASH_HEX_CHARS)}`;
}

function maskBytes(bytes: Buffer | null, action: MaskAction, hash: Hash): Buffer | null {
  if (bytes === null || action === 'remove') return null;
  return Buffer.from(action === 'mask' ? MASK : hash(bytes), 'utf8');
}

function maskPart(rules: PartRules, bytes: Buffer | null, hash: Hash): Buffer | null {
  if (bytes === null) return null;
  if (rules.whole) return maskBytes(bytes, rules.whole, hash);
  if (rules.paths.length === 0) return bytes;
  const doc = parseJson(bytes);
  if (doc === undefined) {
    // Not JSON: there are no fields to pick out, so the whole value stands for them.
    let action: MaskAction | undefined;
    for (const r of rules.paths) action = stronger(action, r.action);
    return maskBytes(bytes, action!, hash);
  }
  let root = doc.v;
  let changed = false;
  for (const r of rules.paths) {
    const result = maskPath(root, r.path, r.action, hash);
    if (result.changed) {
      root = result.value;
      changed = true;
    }
  }
  return changed ? Buffer.from(JSON.stringify(root), 'utf8') : bytes;
}

function parseJson(bytes: Buffer): { v: unknown } | undefined {
  if (!isUtf8(bytes)) return undefined;
  try {
    return { v: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return undefined;
  }
}

const REMOVED = Symbol('removed');

/** The JSON value with the field(s) at `path` masked; containers on the way are copied, not changed. */
function maskPath(node: unknown, path: string[], action: MaskAction, hash: Hash): { value: unknown; changed: boolean } {
  if (path.length === 0) return { value: maskJson(node, action, hash), changed: true };
  if (node === null || typeof node !== 'object') return { value: node, changed: false };
  const [segment, ...rest] = path;
  if (Array.isArray(node)) {
    const indexes = segment === '*' ? node.map((_, i) => i) : /^\d+$/.test(segment) && Number(segment) < node.length ? [Number(segment)] : [];
    let out: unknown[] | undefined;
    for (const i of indexes) {
      const r = maskPath(node[i], rest, action, hash);
      if (!r.changed) continue;
      out ??= [...node];
      out[i] = r.value;
    }
    return out ? { value: out.filter((v) => v !== REMOVED), changed: true } : { value: node, changed: false };
  }
  const record = node as Record<string, unknown>;
  const names = segment === '*' ? Object.keys(record) : Object.hasOwn(record, segment) ? [segment] : [];
  let out: Record<string, unknown> | undefined;
  for (const name of names) {
    const r = maskPath(record[name], rest, action, hash);
    if (!r.changed) continue;
    out ??= { ...record };
    if (r.value === REMOVED) delete out[name];
    else out[name] = r.value;
  }
  return out ? { value: out, changed: true } : { value: node, changed: false };
}

function maskJson(value: unknown, action: MaskAction, hash: Hash): unknown {
  if (action === 'remove') return REMOVED;
  if (value === null) return null;
  if (action === 'mask') return MASK;
  // Strings hash their text, so a field, a header and a key holding the same text correlate.
  return hash(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8'));
}
