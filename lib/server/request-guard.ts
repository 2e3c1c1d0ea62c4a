import { crossOrigin, hostNotAllowed, unsupportedMediaType, type ApiError } from '@/lib/api/errors';

// Requests the console refuses before doing any work: a Host it does not answer to (DNS
// rebinding), and a state-changing or connection-opening request from another site (CSRF).
// Pure, so the proxy (for pages) and the route wrapper (for the API) apply the same rules.

export interface GuardConfig {
  publicUrl?: string;
  /** Extra host names; `*.example.com` allows subdomains. */
  allowedHosts: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method.toUpperCase());

/** The Host the request was addressed to, lower-case, with its port. */
export function requestHost(request: Request): string {
  return (request.headers.get('host') ?? new URL(request.url).host).toLowerCase();
}

/** `example.com:3000` → `example.com`; `[::1]:3000` → `[::1]`. */
export function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}

/**
 * A rebinding attack needs a DNS name that the attacker controls, so IP literals and loopback
 * names are always safe to answer; other names only when the operator lists them.
 */
export function isAllowedHost(host: string, config: GuardConfig): boolean {
  const name = hostName(host);
  if (!name) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.startsWith('[')) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const allowed = [...config.allowedHosts, ...(config.publicUrl ? [new URL(config.publicUrl).hostname] : [])];
  return allowed.some((a) => (a.startsWith('*.') ? name.endsWith(a.slice(1)) : hostName(a) === name));
}

export function checkHost(request: Request, config: GuardConfig): ApiError | undefined {
  const host = requestHost(request);
  if (isAllowedHost(host, config)) return undefined;
  return hostNotAllowed(
    `This console does not answer to the host "${hostName(host)}". Add it to allowedHosts (or CONSOLE_ALLOWED_HOSTS), or set publicUrl (CONSOLE_PUBLIC_URL).`,
  );
}

/**
 * Browsers send Origin on every state-changing request and Sec-Fetch-Site on every request, so a
 * request from another site always shows it; clients without either (curl, scripts) are not
 * browsers and carry no ambient cookies. `strict` applies to state-changing requests and to
 * reads that open broker connections; other reads only refuse another site.
 */
export function checkOrigin(request: Request, config: GuardConfig): ApiError | undefined {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const strict = !isSafeMethod(request.method);
  if (site === 'cross-site' || site === 'same-site') return refuse(`a page on another site (${origin ?? site})`);
  if (origin !== null && !isOwnOrigin(origin, request, config)) return refuse(`a page on ${origin}`);
  if (strict && origin === null && site !== null && site !== 'same-origin' && site !== 'none') return refuse('an unknown origin');
  return undefined;
}

function isOwnOrigin(origin: string, request: Request, config: GuardConfig): boolean {
  if (origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (config.publicUrl && new URL(config.publicUrl).origin === url.origin) return true;
  // Behind a TLS-terminating proxy the scheme differs from what the console sees; the host must not.
  return url.host.toLowerCase() === requestHost(request);
}

function refuse(from: string): ApiError {
  return crossOrigin(`Refused a request from ${from}: changes and message reads are only accepted from the console's own pages.`);
}

/** State-changing requests with a body must say it is JSON: HTML forms and no-cors fetches cannot. */
export function checkContentType(request: Request): ApiError | undefined {
  if (isSafeMethod(request.method)) return undefined;
  const type = request.headers.get('content-type');
  const hasBody = Number(request.headers.get('content-length') ?? 0) > 0 || request.headers.has('transfer-encoding');
  if (type === null && !hasBody) return undefined;
  if (type !== null && /^application\/json\s*(;|$)/i.test(type)) return undefined;
  return unsupportedMediaType(`Request bodies must be JSON (Content-Type: application/json), not ${type ?? 'untyped'}.`);
}
