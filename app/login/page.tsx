import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { safeNextPath } from '@/lib/auth/next-path';
import { appConfig } from '@/lib/kafka/clusters';

export const dynamic = 'force-dynamic';

export const metadata = { title: 'Sign in · Kafka Console' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { auth } = await appConfig();
  const search = await searchParams;
  const next = safeNextPath(typeof search.next === 'string' ? search.next : undefined);
  if (auth.mode !== 'sign-in') redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6 dark:bg-slate-950">
      <div className="w-full max-w-sm space-y-5 rounded-lg bg-white p-6 shadow dark:bg-slate-900">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wider text-slate-500">Kafka Console</p>
          <h1 className="mt-1 text-xl font-semibold text-slate-900 dark:text-slate-100">Sign in</h1>
        </div>
        {auth.users.length > 0 && <LoginForm next={next} />}
      </div>
    </main>
  );
}
