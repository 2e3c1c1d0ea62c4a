'use client';

import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/api/errors';
import { apiPost } from '@/lib/api/fetcher';
import { safeNextPath } from '@/lib/auth/next-path';

/** Username and password for the users in the console's configuration file. */
export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await apiPost('/api/auth/login', { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') });
      window.location.assign(safeNextPath(next));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Sign-in failed.');
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" data-testid="login-form">
      <label className="block text-sm">
        <span className="text-slate-700 dark:text-slate-300">Username</span>
        <input name="username" autoComplete="username" required autoFocus data-testid="login-username" className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-800" />
      </label>
      <label className="block text-sm">
        <span className="text-slate-700 dark:text-slate-300">Password</span>
        <input name="password" type="password" autoComplete="current-password" required data-testid="login-password" className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-800" />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} data-testid="login-submit" className="w-full rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
