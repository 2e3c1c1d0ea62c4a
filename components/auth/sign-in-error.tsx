import { isSignInErrorCode, SIGN_IN_ERRORS } from '@/lib/api/sign-in-errors';

/** Why the last sign-in failed, from the `error` code the sign-in routes put in the URL. */
export function SignInError({ code }: { code?: string | string[] | null }) {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return null;
  const message = isSignInErrorCode(value) ? SIGN_IN_ERRORS[value] : 'Signing in failed. Please try again.';
  return (
    <p role="alert" data-testid="sign-in-error" data-code={value} className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      {message}
    </p>
  );
}
