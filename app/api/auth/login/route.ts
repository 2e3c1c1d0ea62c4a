import { loginInput } from '@/lib/api/auth';
import { tooManyRequests, unauthenticated } from '@/lib/api/errors';
import { decoyHash, verifyPassword } from '@/lib/auth/passwords';
import { newSession } from '@/lib/auth/session';
import { appConfig } from '@/lib/kafka/clusters';
import { recordSignIn } from '@/lib/server/sign-in-audit';
import { clientAddress } from '@/lib/server/client-address';
import { lockedFor, recordFailure, recordSuccess } from '@/lib/server/login-throttle';
import { parseBody, route } from '@/lib/server/route';
import { setSessionCookie } from '@/lib/server/session-cookies';

export const dynamic = 'force-dynamic';

const WRONG = 'Wrong username or password.';

/** Signs a local user in: sets the session cookie, or 401 with one message whatever was wrong. */
export const POST = route('public', async ({ request }) => {
  const { username, password } = await parseBody(request, loginInput, { maxBytes: 16 * 1024 });
  const { auth } = await appConfig();
  const address = await clientAddress(request);
  const keys = [`user:${username}`, `address:${address}`];
  const wait = lockedFor(keys);
  if (wait > 0) {
    await recordSignIn(request, username, 'refused', `too many failed sign-ins; locked for ${wait} s`);
    throw tooManyRequests(`Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} min.`);
  }
  const user = auth.users.find((u) => u.username === username);
  // An unknown user costs a hash check too, so timing does not tell which usernames exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !ok || auth.mode !== 'sign-in') {
    await recordFailure(keys);
    await recordSignIn(request, username, 'failure', WRONG);
    throw unauthenticated(WRONG);
  }
  recordSuccess(keys);
  const session = newSession(auth, { name: user.username, method: 'local' });
  await recordSignIn(request, user.username, 'success');
  return Response.json(
    { user: { name: user.username, method: 'local' } },
    { headers: { 'set-cookie': await setSessionCookie(request, session), 'cache-control': 'no-store' } },
  );
});
