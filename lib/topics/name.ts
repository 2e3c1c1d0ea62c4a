// Topic names as Kafka checks them (org.apache.kafka.common.internals.Topic), with the same
// messages, so the form says exactly what the broker would.

export const TOPIC_NAME_MAX_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Why Kafka would refuse this name, or null when it is legal. */
export function topicNameError(name: string): string | null {
  if (name.length === 0) return 'Topic name is required.';
  if (name === '.' || name === '..') return 'Topic name cannot be "." or "..".';
  if (name.length > TOPIC_NAME_MAX_LENGTH) {
    return `Topic name is ${name.length} characters long; Kafka allows at most ${TOPIC_NAME_MAX_LENGTH}.`;
  }
  if (!LEGAL.test(name)) {
    const bad = [...new Set([...name].filter((c) => !LEGAL.test(c)))].map(describeChar).join(', ');
    return `Topic name may only contain ASCII letters, digits, '.', '_' and '-' (found ${bad}).`;
  }
  return null;
}

/** Kafka's metric names turn '.' into '_', so two names equal after that swap cannot coexist. */
export function collisionKey(name: string): string {
  return name.replace(/\./g, '_');
}

/** Existing topics that differ from `name` only by '.' versus '_' (not the name itself). */
export function collidingTopics(name: string, existing: Iterable<string>): string[] {
  const key = collisionKey(name);
  const out: string[] = [];
  for (const topic of existing) if (topic !== name && collisionKey(topic) === key) out.push(topic);
  return out.sort();
}

/** Things worth knowing about a legal name before creating it; never blocks creation. */
export function topicNameWarnings(name: string, existing: Iterable<string>): string[] {
  const warnings: string[] = [];
  const collisions = collidingTopics(name, existing);
  if (collisions.length > 0) {
    warnings.push(
      `Collides with existing topic ${collisions.map((t) => `"${t}"`).join(', ')}: Kafka treats '.' and '_' alike in metric names and refuses names that differ only by them.`,
    );
  }
  if (name.startsWith('__')) warnings.push("Names starting with '__' are used by Kafka's internal topics.");
  if (name.includes('.') && name.includes('_')) {
    warnings.push("Mixing '.' and '_' in one name makes collisions with other topics likely.");
  }
  return warnings;
}

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  const code = c.codePointAt(0) ?? 0;
  return code < 32 || code === 127 ? `U+${code.toString(16).padStart(4, '0').toUpperCase()}` : `'${c}'`;
}
