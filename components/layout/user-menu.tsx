'use client';

import { useQueryClient } from '@tanstack/react-query';
import { apiPost } from '@/lib/api/fetcher';
import { useMe } from '@/lib/queries/auth';

/** Who is signed in, and the way out. Without sign-in it says so instead. */
export function UserMenu() {
  const { data } = useMe();
  const client = useQueryClient();
  if (!data) return <div className="h-9" />;
  if (!data.signInEnabled) {
    return (
      <p className="px-3 text-xs text-slate-400" data-testid="no-sign-in" title="No sign-in is configured: everyone who can reach the console is admin.">
        No sign-in · admin
      </p>
    );
  }
  async function signOut() {
    await apiPost('/api/auth/logout', {});
    client.clear();
    window.location.assign('/login');
  }
  return (
    <div className="flex items-center justify-between gap-2 px-3 text-sm">
      <span className="truncate text-slate-200" data-testid="user-name" title={data.rules.map((r) => r.name).join(', ')}>
        {data.user.name}
      </span>
      <button type="button" onClick={signOut} data-testid="sign-out" className="shrink-0 rounded px-2 py-1 text-xs text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400">
        Sign out
      </button>
    </div>
  );
}
