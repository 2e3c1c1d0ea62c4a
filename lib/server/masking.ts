import 'server-only';
import { createHmac } from 'node:crypto';
import { forbidden } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { sessionKey } from '@/lib/auth/session';
import { appConfig } from '@/lib/kafka/clusters';
import { compileMasking, type Masker } from '@/lib/messages/masking';

// The masking a caller's roles ask for on a topic, for the message routes to pass down. Hashes
// are keyed with a key derived from the session secret: stable across restarts and replicas that
// share CONSOLE_SESSION_SECRET, and not computable by anyone who lacks it.

async function maskingKey(): Promise<Buffer> {
  return createHmac('sha256', sessionKey((await appConfig()).auth)).update('message-masking').digest();
}

/** The caller's masker for a topic's messages; undefined when nothing is masked for them. */
export async function maskerFor(principal: Principal, cluster: string, topic: string): Promise<Masker | undefined> {
  const rules = principal.access.maskingFor(cluster, topic);
  return rules.length === 0 ? undefined : compileMasking(rules, await maskingKey());
}

/**
 * Refuses to copy a topic's stored bytes (replay) for a caller who sees them masked: a copy
 * into a topic without masking would reveal them.
 */
export function refuseIfMasked(principal: Principal, cluster: string, topic: string): void {
  if (principal.access.maskingFor(cluster, topic).length > 0) {
    throw forbidden(`Messages of topic "${topic}" are masked for you, and a replay copies them unmasked, so you cannot replay them.`);
  }
}
