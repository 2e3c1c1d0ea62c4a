// SCRAM-SHA-256 / SCRAM-SHA-512 server side (RFC 5802, RFC 7677), as Kafka speaks it: no channel
// binding, no SASLprep (Kafka uses the UTF-8 bytes of the password as they are), extensions such
// as tokenauth ignored.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export const SCRAM_ITERATIONS = 4096;

const HASH: Record<ScramMechanism, { name: 'sha256' | 'sha512'; bytes: number }> = {
  'SCRAM-SHA-256': { name: 'sha256', bytes: 32 },
  'SCRAM-SHA-512': { name: 'sha512', bytes: 64 },
};

/** What the server stores per user: never the password itself. */
export interface ScramCredential {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

export function hmac(mechanism: ScramMechanism, key: Buffer, data: string | Buffer): Buffer {
  return createHmac(HASH[mechanism].name, key).update(data).digest();
}

export function hash(mechanism: ScramMechanism, data: Buffer): Buffer {
  return createHash(HASH[mechanism].name).update(data).digest();
}

export function saltedPassword(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Buffer {
  const { name, bytes } = HASH[mechanism];
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, bytes, name);
}

export function deriveCredential(
  mechanism: ScramMechanism,
  password: string,
  salt: Buffer = randomBytes(16),
  iterations = SCRAM_ITERATIONS,
): ScramCredential {
  const salted = saltedPassword(mechanism, password, salt, iterations);
  return {
    salt,
    iterations,
    storedKey: hash(mechanism, hmac(mechanism, salted, 'Client Key')),
    serverKey: hmac(mechanism, salted, 'Server Key'),
  };
}

/** Thrown for any authentication failure; the message is safe to send to the client. */
export class SaslAuthenticationError extends Error {}

function attributes(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) out.set(part[0], part.slice(2));
  }
  return out;
}

/** RFC 5802 saslname: "=2C" and "=3D" stand for ',' and '='. */
function decodeSaslName(name: string): string {
  if (/=(?!2C|3D)/.test(name)) throw new SaslAuthenticationError('Invalid username encoding in SCRAM client-first message');
  return name.replace(/=2C/g, ',').replace(/=3D/g, '=');
}

/**
 * One SCRAM exchange: client-first -> server-first, client-final -> server-final.
 * `lookup` returns the stored credential for a user (null when the user may not use this mechanism).
 */
export class ScramServerSession {
  private step: 'first' | 'final' | 'done' = 'first';
  private username = '';
  private credential: ScramCredential | null = null;
  private nonce = '';
  private gs2Header = '';
  private clientFirstBare = '';
  private serverFirst = '';

  constructor(
    readonly mechanism: ScramMechanism,
    private readonly lookup: (username: string) => ScramCredential | null,
    private readonly serverNonce: () => string = () => randomBytes(18).toString('base64'),
  ) {}

  get authenticatedUser(): string | null {
    return this.step === 'done' ? this.username : null;
  }

  /** Feeds one client message; returns the server's reply, or throws SaslAuthenticationError. */
  evaluate(message: Buffer): Buffer {
    const text = message.toString('utf8');
    if (this.step === 'first') return Buffer.from(this.first(text), 'utf8');
    if (this.step === 'final') return Buffer.from(this.final(text), 'utf8');
    throw new SaslAuthenticationError('SCRAM exchange already completed');
  }

  private first(text: string): string {
    const m = /^([ny]|p=[^,]*),(a=[^,]*)?,(.*)$/.exec(text);
    if (!m) throw new SaslAuthenticationError('Invalid SCRAM client-first message');
    if (m[1].startsWith('p=')) throw new SaslAuthenticationError('SCRAM channel binding is not supported');
    this.gs2Header = `${m[1]},${m[2] ?? ''},`;
    this.clientFirstBare = m[3];
    const attrs = attributes(this.clientFirstBare);
    const user = attrs.get('n');
    const clientNonce = attrs.get('r');
    if (user === undefined || !clientNonce) throw new SaslAuthenticationError('Invalid SCRAM client-first message');
    this.username = decodeSaslName(user);
    const authzid = m[2] ? decodeSaslName(m[2].slice(2)) : '';
    if (authzid !== '' && authzid !== this.username) {
      throw new SaslAuthenticationError('Authentication failed: Client requested an authorization id that is different from username');
    }
    this.credential = this.lookup(this.username);
    if (!this.credential) throw this.invalidCredentials();
    this.nonce = clientNonce + this.serverNonce();
    this.serverFirst = `r=${this.nonce},s=${this.credential.salt.toString('base64')},i=${this.credential.iterations}`;
    this.step = 'final';
    return this.serverFirst;
  }

  private final(text: string): string {
    const proofAt = text.lastIndexOf(',p=');
    if (proofAt < 0) throw new SaslAuthenticationError('Invalid SCRAM client-final message');
    const withoutProof = text.slice(0, proofAt);
    const attrs = attributes(withoutProof);
    // Kafka checks endsWith, not equality: librdkafka sends its client nonce again in front of the
    // combined nonce. The proof covers the message as sent, so this loosens nothing that matters.
    if (!(attrs.get('r') ?? '').endsWith(this.nonce)) throw new SaslAuthenticationError('Invalid SCRAM nonce');
    if (Buffer.from(attrs.get('c') ?? '', 'base64').toString('utf8') !== this.gs2Header) {
      throw new SaslAuthenticationError('Invalid SCRAM channel binding');
    }
    const proof = Buffer.from(text.slice(proofAt + 3), 'base64');
    const credential = this.credential!;
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const clientSignature = hmac(this.mechanism, credential.storedKey, authMessage);
    if (proof.length !== clientSignature.length) throw this.invalidCredentials();
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ clientSignature[i];
    if (!timingSafeEqual(hash(this.mechanism, clientKey), credential.storedKey)) throw this.invalidCredentials();
    this.step = 'done';
    return `v=${hmac(this.mechanism, credential.serverKey, authMessage).toString('base64')}`;
  }

  private invalidCredentials(): SaslAuthenticationError {
    return new SaslAuthenticationError(
      `Authentication failed during authentication due to invalid credentials with SASL mechanism ${this.mechanism}`,
    );
  }
}
