import type { z } from 'zod';

// Malformed request bodies for the fuzz test: broken JSON, wrong top-level types, and valid bodies
// with one to three things broken. Seeded, so a failure names a seed that reproduces it.

export type Body = { raw: string } | { json: unknown };

const ATOMS: unknown[] = [
  null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1,
  '', ' ', 'x', '0', '-1', '1e3', 'true', 'null', 'NaN', '💥', '\u0000', '\u202e', '../../etc/passwd', '%00', '<script>',
  "'; DROP TABLE topics; --", 'a'.repeat(300), '__proto__', 'constructor', 'retention.ms', 'all', 'partitions',
  {}, [], [null], [[]], { '': '' }, { __proto__: null },
];

const KEYS = [
  'name', 'partitions', 'replicationFactor', 'configs', 'validateOnly', 'set', 'reset', 'confirm', 'scope', 'offsets', 'partition',
  'offset', 'strategy', 'type', 'topic', 'group', 'key', 'value', 'headers', 'messages', 'count', '__proto__', 'constructor',
  'prototype', 'toString', '', ' ', 'retention.ms', '$where', 'a'.repeat(100),
];

const RAW = [
  '{', '}', '[', '{"', '{"name":', '{"name": "x",}', "{'name': 'x'}", 'undefined', 'NaN', 'Infinity', '-', 'nul', 'tru',
  '\u0000\u0001\u0002', '{"a":1}{"b":2}', '[1,]', '{"name": "x" "partitions": 1}', '\ufeff{', '<xml/>', '--', '0x10', '1_000',
  '{"__proto__": ', '"unterminated', '{"a": 01}', '{"a": .5}', '{"a": +1}', '\\', '/*{}*/', 'a=1&b=2',
];

export function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function randomValue(rnd: () => number, depth = 0): unknown {
  const r = rnd();
  // Atoms are copied: corrupting a body must never change the shared list.
  if (depth > 3 || r < 0.55) return structuredClone(pick(rnd, ATOMS));
  if (r < 0.75) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomValue(rnd, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(rnd() * 4); i >= 0; i--) out[pick(rnd, KEYS)] = randomValue(rnd, depth + 1);
  return out;
}

/** Bodies that are malformed for any route: not JSON, not an object, pathologically deep or big. */
export function genericMalformed(rnd: () => number): Body {
  const r = rnd();
  if (r < 0.35) return { raw: pick(rnd, RAW) };
  if (r < 0.4) return { raw: `${'['.repeat(5000)}${']'.repeat(5000)}` };
  if (r < 0.42) return { raw: `{"name": "${'x'.repeat(11 * 1024 * 1024)}"}` };
  if (r < 0.75) return { json: structuredClone(pick(rnd, ATOMS.filter((a) => a === null || typeof a !== 'object' || Array.isArray(a)))) };
  return { json: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => randomValue(rnd)) };
}

/** A valid template with one to three things broken; bodies the schema still accepts are skipped. */
export function corrupt(rnd: () => number, template: Record<string, unknown>, schema: z.ZodType): Body {
  for (let attempt = 0; attempt < 50; attempt++) {
    const body = structuredClone(template) as Record<string, unknown>;
    for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) breakOne(rnd, body);
    // Judge what the server will parse, not the object: an assigned "__proto__" changes the
    // prototype and vanishes from the JSON text.
    const wire: unknown = JSON.parse(JSON.stringify(body));
    if (!schema.safeParse(wire).success) return { json: wire };
  }
  return { json: { ...template, [`unknown_${Math.floor(rnd() * 1e6)}`]: true, name: 42, scope: 7, configs: 'x' } };
}

function breakOne(rnd: () => number, body: Record<string, unknown>): void {
  const keys = Object.keys(body);
  const r = rnd();
  const target = keys.length ? pick(rnd, keys) : 'name';
  if (r < 0.25) delete body[target];
  else if (r < 0.6) body[target] = randomValue(rnd);
  else if (r < 0.75) body[pick(rnd, KEYS)] = randomValue(rnd);
  else {
    const inner = body[target];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      const innerKeys = Object.keys(inner);
      const k = innerKeys.length ? pick(rnd, innerKeys) : pick(rnd, KEYS);
      (inner as Record<string, unknown>)[k] = randomValue(rnd);
    } else if (Array.isArray(inner)) {
      inner.push(randomValue(rnd));
    } else {
      body[target] = { nested: randomValue(rnd) };
    }
  }
}
