// The socket's peer address, handed from the console's server (scripts/serve.ts) to the route
// handlers in a header that carries a per-process secret: a client can send a header of that
// name, but not one with the secret, so the audit's address cannot be forged.

export const PEER_HEADER = 'x-console-peer';
const secretKey = Symbol.for('kafka-console.peer-secret');
type GlobalWithSecret = typeof globalThis & { [secretKey]?: string };

export function setPeerSecret(secret: string): void {
  (globalThis as GlobalWithSecret)[secretKey] = secret;
}

export function peerSecret(): string | undefined {
  return (globalThis as GlobalWithSecret)[secretKey];
}
