import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { OidcSignInButton } from '@/components/auth/oidc-sign-in-button';
import { SignInError } from '@/components/auth/sign-in-error';
import { safeNextPath } from '@/lib/auth/next-path';
import { appConfig } from '@/lib/kafka/clusters';

export const dynamic = 'force-dynamic';

export const metadata = { title: 'Sign in · Kafka Console' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { auth } = await appConfig();
  const search = await searchParams;
  const next = safeNextPath(first(search.next));
  if (auth.mode !== 'sign-in') redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6 dark:bg-slate-950">
      <div className="w-full max-w-sm space-y-5 rounded-lg bg-white p-6 shadow dark:bg-slate-900">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wider text-slate-500">Kafka Console</p>
          <h1 className="mt-1 text-xl font-semibold text-slate-900 dark:text-slate-100">Sign in</h1>
        </div>
        <SignInError code={search.error} />
        {auth.oidc && <OidcSignInButton displayName={auth.oidc.displayName} next={next} />}
        {auth.oidc && auth.users.length > 0 && (
          <p className="text-center text-xs uppercase tracking-wide text-slate-400" aria-hidden>
            or
          </p>
        )}
        {auth.users.length > 0 && <LoginForm next={next} />}
      </div>
    </main>
  );
}
