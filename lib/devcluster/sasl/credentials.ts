// SCRAM credentials derived from the configured users, once per user and mechanism (PBKDF2 with
// 4096 iterations is deliberately slow). Keyed by the users map itself, so each cluster has its
// own cache, and re-derived only if a user's password changes.
import { createHash } from 'node:crypto';
import { deriveCredential, type ScramCredential, type ScramMechanism } from './scram';

export type SaslUsers = ReadonlyMap<string, { password: string; mechanisms: string[] }>;

interface Cached {
  fingerprint: string;
  credential: ScramCredential;
}

const caches = new WeakMap<SaslUsers, Map<string, Cached>>();

export function scramCredential(users: SaslUsers, username: string, mechanism: ScramMechanism): ScramCredential | null {
  const user = users.get(username);
  if (!user || !user.mechanisms.includes(mechanism)) return null;
  let cache = caches.get(users);
  if (!cache) caches.set(users, (cache = new Map()));
  const key = `${mechanism}\u0000${username}`;
  // A fingerprint rather than the password itself, so the cache holds no second plain copy.
  const fingerprint = createHash('sha256').update(user.password, 'utf8').digest('base64');
  const hit = cache.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.credential;
  const credential = deriveCredential(mechanism, user.password);
  cache.set(key, { fingerprint, credential });
  return credential;
}
