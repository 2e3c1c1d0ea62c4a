import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from '@/lib/config/schema';

// Sessions live in a signed cookie, not on the server: any replica with the same secret accepts
// it, so several consoles behind a load balancer need no sticky sessions. The cookie carries who
// signed in and (for OIDC) the roles the provider's claims mapped to; role definitions are read
// from the configuration on every request, so editing a role takes effect at once.

export const SESSION_COOKIE = 'console_session';
/** A session is re-signed (sliding its idle expiry) at most this often. */
const REFRESH_AFTER_S = 60;

export interface Session {
  /** The username (local) or the subject's display name (OIDC). */
  name: string;
  method: 'local' | 'oidc';
  /** Role names from the identity provider's claims; local users' roles come from the configuration. */
  roles?: string[];
  /** Seconds since the epoch: signed in, last seen, absolute end. */
  issuedAt: number;
  seenAt: number;
  expiresAt: number;
}

// On globalThis: the proxy and the route handlers are bundled apart but share the process.
const secretKey = Symbol.for('kafka-console.session-secret');
type GlobalWithSecret = typeof globalThis & { [secretKey]?: Uint8Array };

/** The HMAC key: from the configured secret, or made at start (sessions then end with the process). */
export function sessionKey(auth: AuthConfig): Uint8Array {
  if (auth.sessionSecret) return createHash('sha256').update(auth.sessionSecret).digest();
  const g = globalThis as GlobalWithSecret;
  g[secretKey] ??= randomBytes(32);
  return g[secretKey];
}

export function newSession(auth: AuthConfig, who: Pick<Session, 'name' | 'method' | 'roles'>, now = nowSeconds()): Session {
  return { ...who, issuedAt: now, seenAt: now, expiresAt: now + auth.maxSessionHours * 3600 };
}

export async function signSession(auth: AuthConfig, session: Session): Promise<string> {
  return new SignJWT({ name: session.name, method: session.method, roles: session.roles, seen: session.seenAt })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(session.issuedAt)
    .setExpirationTime(session.expiresAt)
    .sign(sessionKey(auth));
}

/** The session a cookie value proves, or undefined when it is forged, expired or idle too long. */
export async function verifySession(auth: AuthConfig, token: string, now = nowSeconds()): Promise<Session | undefined> {
  try {
    const { payload } = await jwtVerify(token, sessionKey(auth), { algorithms: ['HS256'], currentDate: new Date(now * 1000) });
    const { name, method, roles, seen, iat, exp } = payload as Record<string, unknown>;
    if (typeof name !== 'string' || (method !== 'local' && method !== 'oidc')) return undefined;
    if (typeof seen !== 'number' || typeof iat !== 'number' || typeof exp !== 'number') return undefined;
    if (now - seen > auth.idleTimeoutMinutes * 60) return undefined;
    const roleList = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : undefined;
    return { name, method, roles: roleList, issuedAt: iat, seenAt: seen, expiresAt: exp };
  } catch {
    return undefined;
  }
}

/** The session with its idle clock moved to now, when it is old enough to be worth a new cookie. */
export function touched(session: Session, now = nowSeconds()): Session | undefined {
  return now - session.seenAt >= REFRESH_AFTER_S ? { ...session, seenAt: now } : undefined;
}

export function sessionCookie(token: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return serializeCookie(SESSION_COOKIE, token, options);
}

export function clearedSessionCookie(secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, '', { secure, maxAgeSeconds: 0 });
}

export function serializeCookie(name: string, value: string, { secure, maxAgeSeconds }: { secure: boolean; maxAgeSeconds: number }): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
