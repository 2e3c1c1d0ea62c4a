// What goes into the audit log must never hold a secret, nor grow without bound: parameters are
// copied with sensitive keys masked, long strings cut and the whole capped in size.

export const REDACTED = '[redacted]';
const SENSITIVE_KEY = /pass(word|wd)?|secret|token|credential|api[._-]?key|private[._-]?key|jaas|sasl|ssl\.key|keystore|truststore|authorization|cookie/i;
const MAX_STRING = 1_000;
const MAX_JSON = 16_384;
const MAX_DEPTH = 8;
const MAX_ITEMS = 200;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/**
 * A copy of `value` safe to log. `sensitiveConfigs` names configs the broker marks as sensitive;
 * their values are masked wherever they appear as keys.
 */
export function redactParameters(value: unknown, sensitiveConfigs: ReadonlySet<string> = new Set()): unknown {
  const copy = walk(value, sensitiveConfigs, 0);
  const json = JSON.stringify(copy) ?? '';
  if (json.length <= MAX_JSON) return copy;
  return { truncated: true, size: json.length, preview: json.slice(0, 2_000) };
}

function walk(value: unknown, sensitive: ReadonlySet<string>, depth: number): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} chars)` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => walk(v, sensitive, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`);
    return items;
  }
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      out[key] = isSensitiveKey(key) || sensitive.has(key) ? REDACTED : walk(v, sensitive, depth + 1);
    }
    return out;
  }
  return String(value);
}

/** Masks secrets an error message may quote back (e.g. "Invalid value hunter2 for configuration x.password"). */
export function redactMessage(message: string | undefined, sensitiveValues: readonly string[] = []): string | undefined {
  if (message === undefined) return undefined;
  let out = message.length > MAX_STRING ? `${message.slice(0, MAX_STRING)}…` : message;
  for (const secret of sensitiveValues) if (secret) out = out.split(secret).join(REDACTED);
  return out;
}

/** String values held under sensitive keys, so messages quoting them can be masked too. */
export function sensitiveValues(value: unknown, sensitiveConfigs: ReadonlySet<string> = new Set(), depth = 0): string[] {
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if ((isSensitiveKey(key) || sensitiveConfigs.has(key)) && typeof v === 'string' && v.length >= 3) out.push(v);
    else out.push(...sensitiveValues(v, sensitiveConfigs, depth + 1));
  }
  return out;
}
