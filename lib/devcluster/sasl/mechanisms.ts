import type { SaslUsers } from './credentials';

export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** Mechanisms at least one user may use, in a fixed order (what SaslHandshake advertises). */
export function enabledMechanisms(users: SaslUsers): SaslMechanism[] {
  const used = new Set<string>();
  for (const u of users.values()) for (const m of u.mechanisms) used.add(m);
  return SASL_MECHANISMS.filter((m) => used.has(m));
}
