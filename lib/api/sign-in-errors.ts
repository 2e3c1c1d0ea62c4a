// Why a single-sign-on attempt failed: the callback redirects to /login?error=<code>, and the
// sign-in page shows the message. Codes stay short and stable; the details go to the audit log.

export const SIGN_IN_ERRORS = {
  oidc_not_configured: 'Single sign-on is not configured on this console.',
  provider_unreachable: 'The identity provider could not be reached. Try again in a moment, or ask an administrator to check the console log.',
  flow_expired: 'The sign-in took too long or was started in another browser. Please sign in again.',
  state_mismatch: 'The sign-in response did not match the request this browser made, so it was refused. Please sign in again.',
  access_denied: 'The identity provider did not let you sign in.',
  provider_error: 'The identity provider reported an error. Please sign in again.',
  exchange_failed: 'The identity provider’s answer could not be verified, so the sign-in was refused. The console log has the details.',
  no_roles: 'You signed in, but none of your groups gives access to this console. Ask an administrator to map one of your groups to a role.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export function isSignInErrorCode(code: unknown): code is SignInErrorCode {
  return typeof code === 'string' && Object.hasOwn(SIGN_IN_ERRORS, code);
}
