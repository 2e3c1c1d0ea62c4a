import type { Permission } from '@/lib/queries/auth';

/** Says once, above a form, which of its actions the user's roles keep disabled (read-only mode has its own notice). */
export function PermissionNotice({ permissions }: { permissions: Permission[] }) {
  const denied = permissions.filter((p) => p.cause === 'role');
  if (denied.length === 0) return null;
  return (
    <p className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300" data-testid="permission-notice">
      Your role does not allow {denied.map((p) => p.action).join(', ')} here: those actions are disabled.
    </p>
  );
}
