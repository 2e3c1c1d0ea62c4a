import 'server-only';
import { jwtVerify, SignJWT } from 'jose';
import * as client from 'openid-client';
import { clusterUnreachable } from '@/lib/api/errors';
import type { SignInErrorCode } from '@/lib/api/sign-in-errors';
import { readCookie, serializeCookie, sessionKey } from '@/lib/auth/session';
import type { AppConfig, AuthConfig, OidcConfig } from '@/lib/config/schema';
import { isLoopbackHost } from './binding';
import { requestHost } from './request-guard';
import { isHttps } from './session-cookies';

// Single sign-on with an OpenID Connect provider (authorization code flow with PKCE, state and
// nonce), through openid-client, which does every protocol check. This module holds what the
// two routes share: the provider's discovered configuration, the redirect URI, and the
// short-lived cookie that carries the flow's secrets from the login redirect to the callback.

/** Seconds a discovery or token request may take before the provider counts as unreachable. */
const PROVIDER_TIMEOUT_S = 10;
/** How long a user has at the provider before the flow expires. */
export const FLOW_MAX_AGE_S = 10 * 60;
export const FLOW_COOKIE = 'console_oidc_flow';
export const CALLBACK_PATH = '/api/auth/oidc/callback';

/** The provider could not be reached or its discovery document was unusable. */
export class ProviderUnreachable extends Error {
  constructor(issuer: string, cause: unknown) {
    super(`OIDC discovery at ${issuer} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ProviderUnreachable';
  }

  toApiError() {
    return clusterUnreachable('The identity provider could not be reached. Try again in a moment; the console log has the details.');
  }
}

/**
 * A failed sign-in: `code` goes to the browser (/login?error=code), `detail` to the audit log and
 * the server log, never to the browser.
 */
export class SignInFailure extends Error {
  constructor(
    readonly code: SignInErrorCode,
    readonly detail: string,
    readonly user = 'unknown',
  ) {
    super(detail);
    this.name = 'SignInFailure';
  }
}

// On globalThis: the login and callback routes are bundled apart but share the process.
const cacheKey = Symbol.for('kafka-console.oidc-configurations');
type GlobalWithCache = typeof globalThis & { [cacheKey]?: Map<string, Promise<client.Configuration>> };

/**
 * The provider's configuration, discovered once per issuer and client and then reused. A failed
 * discovery is not kept, so the next sign-in tries again.
 *
 * openid-client refuses plain-http providers; they are allowed only on a loopback address (a
 * provider on the same machine, as in the tests), where nothing travels over a network.
 */
export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const g = globalThis as GlobalWithCache;
  const cache = (g[cacheKey] ??= new Map());
  const key = JSON.stringify([oidc.issuer, oidc.clientId, oidc.clientSecret ?? null]);
  let configuration = cache.get(key);
  if (!configuration) {
    configuration = discover(oidc).catch((error: unknown) => {
      cache.delete(key);
      throw new ProviderUnreachable(oidc.issuer, error);
    });
    cache.set(key, configuration);
  }
  return configuration;
}

function discover(oidc: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(oidc.issuer);
  const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
  // RFC 6749 makes client_secret_basic the method every provider supports; without a secret the
  // console is a public client and PKCE protects the code.
  const auth = oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None();
  return client.discovery(issuer, oidc.clientId, undefined, auth, {
    timeout: PROVIDER_TIMEOUT_S,
    execute: insecure ? [client.allowInsecureRequests] : [],
  });
}

/** The callback address registered with the provider: on the public URL, else where this request arrived. */
export async function redirectUri(request: Request, config: AppConfig): Promise<string> {
  if (config.publicUrl) return `${config.publicUrl}${CALLBACK_PATH}`;
  return `${(await isHttps(request)) ? 'https' : 'http'}://${requestHost(request)}${CALLBACK_PATH}`;
}

/** What the login redirect hands to the callback, signed so the browser cannot change it. */
export interface Flow {
  codeVerifier: string;
  state: string;
  nonce: string;
  next: string;
  redirectUri: string;
}

export async function flowCookie(request: Request, auth: AuthConfig, flow: Flow): Promise<string> {
  const token = await new SignJWT({ ...flow, typ: 'oidc-flow' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(`${FLOW_MAX_AGE_S}s`)
    .sign(sessionKey(auth));
  return serializeCookie(FLOW_COOKIE, token, { secure: await isHttps(request), maxAgeSeconds: FLOW_MAX_AGE_S });
}

export async function clearedFlowCookie(request: Request): Promise<string> {
  return serializeCookie(FLOW_COOKIE, '', { secure: await isHttps(request), maxAgeSeconds: 0 });
}

/** The flow this browser started, or undefined when the cookie is missing, forged or expired. */
export async function readFlow(request: Request, auth: AuthConfig): Promise<Flow | undefined> {
  const token = readCookie(request, FLOW_COOKIE);
  if (!token) return undefined;
  try {
    const { payload } = await jwtVerify(token, sessionKey(auth), { algorithms: ['HS256'] });
    const { codeVerifier, state, nonce, next, redirectUri, typ } = payload as Record<string, unknown>;
    if (typ !== 'oidc-flow') return undefined;
    const fields = [codeVerifier, state, nonce, next, redirectUri];
    if (!fields.every((f): f is string => typeof f === 'string')) return undefined;
    return { codeVerifier: fields[0], state: fields[1], nonce: fields[2], next: fields[3], redirectUri: fields[4] };
  } catch {
    return undefined;
  }
}

/** A 303 to a path on this console, with cookies; relative, so it holds behind any proxy. */
export function redirectTo(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/**
 * The response with headers nobody may add to. The route wrapper re-signs the session a request
 * came with, appending its cookie after the handler's; on a fresh sign-in that older session
 * would win over the new one. The wrapper leaves responses with immutable headers as they are.
 */
export function withFinalHeaders(response: Response): Response {
  const refuse = () => {
    throw new TypeError('These headers are final.');
  };
  Object.defineProperty(response.headers, 'append', { value: refuse });
  Object.defineProperty(response.headers, 'set', { value: refuse });
  return response;
}
