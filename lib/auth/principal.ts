import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { Access, rulesForRoles } from '@/lib/auth/access';
import type { AppConfig } from '@/lib/config/schema';
import { readCookie, SESSION_COOKIE, verifySession, type Session } from './session';

// Who is asking: the signed-in user behind the session cookie, the anonymous admin when sign-in
// is off, or the metrics scraper holding CONSOLE_METRICS_TOKEN.

export interface Principal {
  name: string;
  method: 'local' | 'oidc' | 'anonymous' | 'metrics-token';
  access: Access;
  /** The session the request carried, when there was one. */
  session?: Session;
}

export const ANONYMOUS_NAME = 'anonymous';

export async function authenticate(request: Request, config: AppConfig): Promise<Principal | undefined> {
  if (config.auth.mode === 'none') return { name: ANONYMOUS_NAME, method: 'anonymous', access: Access.all() };
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return undefined;
  const session = await verifySession(config.auth, token);
  if (!session) return undefined;
  return principalFor(session, config);
}

/** The principal of a valid session; a local user removed from the configuration is signed out. */
export function principalFor(session: Session, config: AppConfig): Principal | undefined {
  if (session.method === 'local') {
    const user = config.auth.users.find((u) => u.username === session.name);
    if (!user) return undefined;
    return { name: user.username, method: 'local', session, access: new Access(rulesForRoles(user.roles, config.auth.roles)) };
  }
  return { name: session.name, method: 'oidc', session, access: new Access(rulesForRoles(session.roles ?? [], config.auth.roles)) };
}

/** True when the request carries `Authorization: Bearer <CONSOLE_METRICS_TOKEN>`. */
export function hasMetricsToken(request: Request, config: AppConfig): boolean {
  const expected = config.auth.metricsToken;
  const header = request.headers.get('authorization');
  if (!expected || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length).trim());
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
