import 'server-only';
import { appConfig } from '@/lib/kafka/clusters';
import { PEER_HEADER, peerSecret } from './peer';

// The address a request came from. Forwarding headers are only believed when the operator says a
// proxy in front of the console sets them (trustProxy); otherwise any client could name another
// address. The console's own server (scripts/serve.ts) passes the socket's peer address in a
// header carrying a per-process secret, so a client cannot forge that one either.

function peerAddress(request: Request): string | undefined {
  const secret = peerSecret();
  const value = request.headers.get(PEER_HEADER);
  if (!secret || !value?.startsWith(`${secret} `)) return undefined;
  return value.slice(secret.length + 1);
}

export async function clientAddress(request: Request): Promise<string> {
  const trusted = await appConfig().then((c) => c.trustProxy, () => false);
  if (trusted) {
    const h = request.headers;
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip');
    if (forwarded) return forwarded;
  }
  return peerAddress(request) ?? 'unknown';
}

/** The user a trusted authenticating proxy names, when sign-in is left to it. */
export async function proxyUser(request: Request): Promise<string | undefined> {
  const trusted = await appConfig().then((c) => c.trustProxy, () => false);
  if (!trusted) return undefined;
  return request.headers.get('x-forwarded-user') || request.headers.get('x-auth-request-user') || undefined;
}
