import 'server-only';
import { nowSeconds, sessionCookie, signSession, touched, type Session } from '@/lib/auth/session';
import { appConfig } from '@/lib/kafka/clusters';

// The session cookie as HTTP sets it: Secure whenever the console is reached over https (its
// public URL, or a trusted proxy saying so), and lasting until the session's absolute end.

export async function isHttps(request: Request): Promise<boolean> {
  const config = await appConfig();
  if (config.publicUrl?.startsWith('https:')) return true;
  if (config.trustProxy && request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(request.url).protocol === 'https:';
}

export async function setSessionCookie(request: Request, session: Session): Promise<string> {
  const { auth } = await appConfig();
  return sessionCookie(await signSession(auth, session), {
    secure: await isHttps(request),
    maxAgeSeconds: session.expiresAt - nowSeconds(),
  });
}

/** A new cookie when the session's idle clock is worth moving, else undefined. */
export async function refreshedSessionCookie(request: Request, session: Session): Promise<string | undefined> {
  const next = touched(session);
  return next ? setSessionCookie(request, next) : undefined;
}
