import { safeNextPath } from '@/lib/auth/next-path';

/**
 * Starts single sign-on. A link, not a form: the flow begins with a top-level GET navigation,
 * which the CSP's form-action 'self' would not allow a form to make toward the provider.
 */
export function OidcSignInButton({ displayName, next }: { displayName: string; next?: string | null }) {
  const href = `/api/auth/oidc/login?next=${encodeURIComponent(safeNextPath(next))}`;
  return (
    <a
      href={href}
      data-testid="oidc-sign-in"
      className="block w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-center text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
    >
      Sign in with {displayName}
    </a>
  );
}
