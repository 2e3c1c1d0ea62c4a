import 'server-only';
import { cookies } from 'next/headers';
import { authenticate, type Principal } from '@/lib/auth/principal';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { appConfig } from '@/lib/kafka/clusters';

// Server-rendered pages read data with no route() in front of them: they build the caller the
// same way from the request's session cookie, and prefetch only what that caller may see.

/** The signed-in caller of the page being rendered; undefined when nobody (valid) is signed in. */
export async function pagePrincipal(): Promise<Principal | undefined> {
  const config = await appConfig();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  // authenticate() reads the cookie from a request; this one carries only the session cookie.
  const request = new Request('http://console.invalid/', { headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {} });
  return authenticate(request, config);
}
