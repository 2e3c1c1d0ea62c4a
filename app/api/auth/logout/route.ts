import { clearedSessionCookie } from '@/lib/auth/session';
import { route } from '@/lib/server/route';
import { isHttps } from '@/lib/server/session-cookies';
import { recordSignIn } from '@/lib/server/sign-in-audit';

export const dynamic = 'force-dynamic';

/** Ends the session: the cookie is cleared whether or not it was still valid. */
export const POST = route('public', async ({ request, principal }) => {
  if (principal.session) await recordSignIn(request, principal.name, 'success', undefined, 'auth.sign-out');
  return Response.json({ signedOut: true }, { headers: { 'set-cookie': clearedSessionCookie(await isHttps(request)), 'cache-control': 'no-store' } });
});
