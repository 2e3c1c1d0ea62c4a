import * as client from 'openid-client';
import { claimAt, hasClaim, nameFromClaims, rolesFromClaims, type Claims } from '@/lib/auth/oidc-claims';
import { newSession } from '@/lib/auth/session';
import type { OidcConfig } from '@/lib/config/schema';
import { appConfig } from '@/lib/kafka/clusters';
import { clearedFlowCookie, ProviderUnreachable, providerConfiguration, readFlow, redirectTo, SignInFailure, withFinalHeaders } from '@/lib/server/oidc';
import { route } from '@/lib/server/route';
import { setSessionCookie } from '@/lib/server/session-cookies';
import { recordSignIn } from '@/lib/server/sign-in-audit';

export const dynamic = 'force-dynamic';

/**
 * The provider sends the browser back here. openid-client checks the state, the PKCE verifier
 * and the ID token (signature, issuer, audience, expiry, nonce); the claims then map to console
 * roles. Every outcome is a redirect: to the page the user wanted, or to the sign-in page with a
 * short error code, never an error page. A navigation from the provider's site is let through:
 * the state in the signed flow cookie is what proves this browser asked for it.
 */
export const GET = route({ permission: 'public', crossSiteNavigation: true }, async ({ request }) => {
  const clearFlow = await clearedFlowCookie(request);
  try {
    const { name, roles, next } = await signIn(request);
    const { auth } = await appConfig();
    const session = newSession(auth, { name, method: 'oidc', roles });
    await recordSignIn(request, name, 'success');
    return withFinalHeaders(redirectTo(next, [clearFlow, await setSessionCookie(request, session)]));
  } catch (error) {
    const failure =
      error instanceof SignInFailure ? error : new SignInFailure('exchange_failed', `unexpected: ${error instanceof Error ? error.message : String(error)}`);
    if (failure.code === 'exchange_failed' || failure.code === 'provider_unreachable') console.error(`[console] OIDC sign-in failed: ${failure.detail}`);
    await recordSignIn(request, failure.user, failure.code === 'no_roles' ? 'refused' : 'failure', failure.detail);
    return redirectTo(`/login?error=${failure.code}`, [clearFlow]);
  }
});

async function signIn(request: Request): Promise<{ name: string; roles: string[]; next: string }> {
  const { auth } = await appConfig();
  const oidc = auth.oidc;
  if (auth.mode !== 'sign-in' || !oidc) throw new SignInFailure('oidc_not_configured', 'single sign-on is not configured');
  const params = new URL(request.url).searchParams;
  const flow = await readFlow(request, auth);
  if (!flow) throw new SignInFailure('flow_expired', 'no valid sign-in flow cookie (expired, or started in another browser)');
  if (params.get('state') !== flow.state) throw new SignInFailure('state_mismatch', 'the state in the response is not the one this browser sent');
  const providerError = params.get('error');
  if (providerError) {
    const description = params.get('error_description');
    throw new SignInFailure(providerError === 'access_denied' ? 'access_denied' : 'provider_error', `provider error ${providerError}${description ? `: ${description}` : ''}`.slice(0, 500));
  }

  const provider = await providerConfiguration(oidc).catch((error: unknown) => {
    throw new SignInFailure('provider_unreachable', error instanceof ProviderUnreachable ? error.message : String(error));
  });
  // The response as it arrived, on the redirect URI the flow started with (behind a proxy the
  // request's own URL may differ): the token request must name exactly that URI.
  const callbackUrl = new URL(flow.redirectUri);
  callbackUrl.search = params.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new SignInFailure('exchange_failed', describe(error));
  }
  const claims = await claimsOf(provider, tokens, oidc);
  const name = nameFromClaims(claims, oidc.usernameClaim);
  const roles = rolesFromClaims(claims, oidc);
  if (roles.length === 0) {
    throw new SignInFailure('no_roles', `no console role for ${oidc.rolesClaim} ${JSON.stringify(claimAt(claims, oidc.rolesClaim) ?? null).slice(0, 300)}`, name);
  }
  return { name, roles, next: flow.next };
}

/**
 * The ID token's claims, plus the userinfo endpoint's when the roles claim is not in the token
 * (many providers put groups only there).
 */
async function claimsOf(provider: client.Configuration, tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>, oidc: OidcConfig): Promise<Claims> {
  const idClaims = tokens.claims();
  if (!idClaims) throw new SignInFailure('exchange_failed', 'the token response has no ID token');
  if (hasClaim(idClaims, oidc.rolesClaim) || !provider.serverMetadata().userinfo_endpoint) return idClaims;
  try {
    const userinfo = await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
    // fetchUserInfo has checked that it describes the same subject.
    return { ...idClaims, ...userinfo };
  } catch (error) {
    throw new SignInFailure('exchange_failed', `userinfo: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const oauthError = (error as { error?: unknown }).error;
  return [typeof code === 'string' ? code : undefined, typeof oauthError === 'string' ? oauthError : undefined, error.message].filter(Boolean).join(': ').slice(0, 500);
}
