import * as client from 'openid-client';
import { notFound } from '@/lib/api/errors';
import { safeNextPath } from '@/lib/auth/next-path';
import { appConfig } from '@/lib/kafka/clusters';
import { flowCookie, ProviderUnreachable, providerConfiguration, redirectTo, redirectUri } from '@/lib/server/oidc';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Starts single sign-on: a 303 to the provider's authorization endpoint, with PKCE, state and
 * nonce kept in a signed ten-minute cookie for the callback. A browser that cannot get there is
 * sent back to the sign-in page with the reason; other callers get the error status (404 when
 * single sign-on is not configured, 503 when the provider is unreachable).
 */
export const GET = route('public', async ({ request }) => {
  const config = await appConfig();
  const { auth } = config;
  const navigation = request.headers.get('sec-fetch-mode') === 'navigate';
  if (auth.mode !== 'sign-in' || !auth.oidc) {
    if (navigation) return redirectTo('/login?error=oidc_not_configured');
    throw notFound('Single sign-on is not configured on this console.');
  }
  const oidc = auth.oidc;
  let provider: client.Configuration;
  try {
    provider = await providerConfiguration(oidc);
  } catch (error) {
    if (!(error instanceof ProviderUnreachable)) throw error;
    console.error(`[console] ${error.message}`);
    if (navigation) return redirectTo('/login?error=provider_unreachable');
    throw error.toApiError();
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const flow = {
    codeVerifier,
    state: client.randomState(),
    nonce: client.randomNonce(),
    next: safeNextPath(new URL(request.url).searchParams.get('next')),
    redirectUri: await redirectUri(request, config),
  };
  const authorizationUrl = client.buildAuthorizationUrl(provider, {
    redirect_uri: flow.redirectUri,
    response_type: 'code',
    scope: [...new Set(['openid', ...oidc.scopes])].join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return redirectTo(authorizationUrl.href, [await flowCookie(request, auth, flow)]);
});
