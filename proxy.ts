import { NextResponse, type NextRequest } from 'next/server';
import { verifySession, SESSION_COOKIE } from '@/lib/auth/session';
import { loadConfig } from '@/lib/config/load';
import type { AppConfig } from '@/lib/config/schema';
import { checkHost } from '@/lib/server/request-guard';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '@/lib/server/security-headers';

// Runs before every page and API request: refuses hosts the console does not answer to (DNS
// rebinding), sends signed-out visitors of a page to the sign-in page, and sets the security
// headers with a fresh CSP nonce. The route wrapper checks the API again on its own; this is the
// gate for pages, whose server render reads the cluster.

const configKey = Symbol.for('kafka-console.proxy-config');
type GlobalWithConfig = typeof globalThis & { [configKey]?: AppConfig };

function consoleConfig(): AppConfig {
  const g = globalThis as GlobalWithConfig;
  g[configKey] ??= loadConfig();
  return g[configKey];
}

const PUBLIC_PAGES = ['/login'];

export async function proxy(request: NextRequest) {
  const cfg = consoleConfig();
  const isApi = request.nextUrl.pathname.startsWith('/api/');
  const refused = checkHost(request, cfg);
  if (refused) return secured(NextResponse.json(refused.toBody(), { status: refused.status }), undefined);
  if (isApi) return secured(NextResponse.next(), undefined, true);

  if (cfg.auth.mode === 'sign-in' && !PUBLIC_PAGES.includes(request.nextUrl.pathname)) {
    const token = request.cookies.get(SESSION_COOKIE)?.value;
    const session = token ? await verifySession(cfg.auth, token) : undefined;
    if (!session) {
      const login = new URL('/login', request.url);
      login.searchParams.set('next', `${request.nextUrl.pathname}${request.nextUrl.search}`);
      return secured(NextResponse.redirect(login, 303), undefined);
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  return secured(NextResponse.next({ request: { headers } }), csp);
}

function secured(response: NextResponse, csp: string | undefined, api = false): NextResponse {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set('content-security-policy', csp ?? contentSecurityPolicy(undefined, false));
  // API answers carry cluster data and messages: never kept by the browser or a shared cache.
  if (api) response.headers.set('cache-control', 'no-store');
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
