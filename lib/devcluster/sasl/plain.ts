// SASL/PLAIN (RFC 4616): one message "authzid NUL authcid NUL passwd".
import { createHash, timingSafeEqual } from 'node:crypto';
import { SaslAuthenticationError } from './scram';

export type PasswordCheck = (username: string) => string | null;

/** Returns the authenticated user name or throws SaslAuthenticationError. */
export function authenticatePlain(message: Buffer, passwordOf: PasswordCheck): string {
  const parts = message.toString('utf8').split('\u0000');
  if (parts.length !== 3) throw new SaslAuthenticationError('Invalid SASL/PLAIN message: expected authzid NUL authcid NUL passwd');
  const [authzid, username, password] = parts;
  if (username === '' || password === '') throw new SaslAuthenticationError('Authentication failed: username and password must not be empty');
  if (authzid !== '' && authzid !== username) {
    throw new SaslAuthenticationError('Authentication failed: Client requested an authorization id that is different from username');
  }
  const expected = passwordOf(username);
  // Compare digests so the comparison takes the same time whatever the lengths.
  if (expected === null || !timingSafeEqual(digest(expected), digest(password))) {
    throw new SaslAuthenticationError('Authentication failed: Invalid username or password');
  }
  return username;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}
