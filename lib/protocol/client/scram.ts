/**
 * SCRAM-SHA-256/512 client (RFC 5802 / RFC 7677) as Kafka uses it: no
 * channel binding, no authzid, password bytes are its UTF-8 encoding.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

const PARAMS: Record<ScramMechanism, { hash: 'sha256' | 'sha512'; keyLength: number }> = {
  'SCRAM-SHA-256': { hash: 'sha256', keyLength: 32 },
  'SCRAM-SHA-512': { hash: 'sha512', keyLength: 64 },
};

// Kafka rejects fewer iterations; a lower value from a server signals tampering.
const MIN_ITERATIONS = 4096;
const GS2_HEADER = 'n,,';

export class ScramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScramError';
  }
}

/** RFC 5802 saslname escaping of the user name. */
export function escapeSaslName(name: string): string {
  return name.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

/** Parses "k=v,k=v" SCRAM attributes; values may contain "=". */
export function parseScramAttributes(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq !== 1) throw new ScramError('malformed SCRAM message');
    out.set(part[0], part.slice(2));
  }
  return out;
}

export function scramHmac(mechanism: ScramMechanism, key: Buffer, data: string | Buffer): Buffer {
  return createHmac(PARAMS[mechanism].hash, key).update(data).digest();
}

export function scramHash(mechanism: ScramMechanism, data: Buffer): Buffer {
  return createHash(PARAMS[mechanism].hash).update(data).digest();
}

export function scramSaltedPassword(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Buffer {
  const { hash, keyLength } = PARAMS[mechanism];
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, keyLength, hash);
}

/**
 * One SCRAM exchange. Call `firstMessage()`, pass the server's first
 * message to `finalMessage()`, then check the server's final message with
 * `verifyServerFinal()`.
 */
export class ScramClient {
  private readonly nonce: string;
  private readonly firstBare: string;
  private serverSignature: Buffer | null = null;

  constructor(
    private readonly mechanism: ScramMechanism,
    username: string,
    private readonly password: string,
    nonce: string = randomBytes(24).toString('base64url'),
  ) {
    this.nonce = nonce;
    this.firstBare = `n=${escapeSaslName(username)},r=${nonce}`;
  }

  firstMessage(): Buffer {
    return Buffer.from(GS2_HEADER + this.firstBare, 'utf8');
  }

  finalMessage(serverFirst: Buffer): Buffer {
    const text = serverFirst.toString('utf8');
    const attrs = parseScramAttributes(text);
    if (attrs.has('e')) throw new ScramError(`server error: ${attrs.get('e')}`);
    const serverNonce = attrs.get('r');
    const salt = attrs.get('s');
    const iterations = Number(attrs.get('i'));
    if (!serverNonce || !serverNonce.startsWith(this.nonce) || serverNonce.length <= this.nonce.length) {
      throw new ScramError('server nonce does not extend the client nonce');
    }
    if (salt === undefined || !Number.isInteger(iterations) || iterations < MIN_ITERATIONS) {
      throw new ScramError('server sent an invalid salt or iteration count');
    }
    const salted = scramSaltedPassword(this.mechanism, this.password, Buffer.from(salt, 'base64'), iterations);
    const clientKey = scramHmac(this.mechanism, salted, 'Client Key');
    const storedKey = scramHash(this.mechanism, clientKey);
    const withoutProof = `c=${Buffer.from(GS2_HEADER).toString('base64')},r=${serverNonce}`;
    const authMessage = `${this.firstBare},${text},${withoutProof}`;
    const signature = scramHmac(this.mechanism, storedKey, authMessage);
    const proof = Buffer.alloc(clientKey.length);
    for (let i = 0; i < proof.length; i++) proof[i] = clientKey[i] ^ signature[i];
    this.serverSignature = scramHmac(this.mechanism, scramHmac(this.mechanism, salted, 'Server Key'), authMessage);
    return Buffer.from(`${withoutProof},p=${proof.toString('base64')}`, 'utf8');
  }

  /** Throws unless the server proved it knows the password too. */
  verifyServerFinal(serverFinal: Buffer): void {
    const attrs = parseScramAttributes(serverFinal.toString('utf8'));
    if (attrs.has('e')) throw new ScramError(`server error: ${attrs.get('e')}`);
    const v = attrs.get('v');
    if (!this.serverSignature || v === undefined) throw new ScramError('server final message has no verifier');
    const got = Buffer.from(v, 'base64');
    if (got.length !== this.serverSignature.length || !timingSafeEqual(got, this.serverSignature)) {
      throw new ScramError('server signature does not match');
    }
  }
}
