import type { Permission } from '@/lib/queries/auth';

/** Says, above a form, that the user's roles keep its actions disabled (read-only mode has its own notice). */
export function PermissionNotice({ permissions }: { permissions: Permission[] }) {
  const denied = permissions.filter((p) => p.cause === 'role');
  if (denied.length === 0) return null;
  return (
    <div className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300" data-testid="permission-notice">
      {[...new Set(denied.map((p) => p.reason))].map((reason) => (
        <p key={reason}>{reason}</p>
      ))}
    </div>
  );
}
