import type { AuthConfig } from '@/lib/config/schema';

// Where the console listens, as the server that opened the socket recorded it (scripts/serve.ts).
// A console on a non-loopback address without sign-in is refused at start unless CONSOLE_AUTH=none
// says so; then every page shows a warning.

const bindKey = Symbol.for('kafka-console.bind-host');
type GlobalWithBind = typeof globalThis & { [bindKey]?: string };

export function setBindHost(host: string): void {
  (globalThis as GlobalWithBind)[bindKey] = host;
}

export function bindHost(): string {
  return (globalThis as GlobalWithBind)[bindKey] ?? '127.0.0.1';
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export function exposedWithoutSignIn(auth: AuthConfig): boolean {
  return auth.mode === 'none' && !isLoopbackHost(bindHost());
}

/** Why the console must not start on this address with this configuration, or undefined. */
export function bindRefusal(host: string, auth: AuthConfig): string | undefined {
  if (isLoopbackHost(host) || auth.mode === 'sign-in' || auth.explicitNone) return undefined;
  return [
    `Refusing to listen on ${host} without sign-in: anyone who can reach it could read every message and change the cluster.`,
    'Configure sign-in (auth.users or auth.oidc in the CONSOLE_CONFIG file; see "Deploying" in the README),',
    'or listen on 127.0.0.1 (the default), or set CONSOLE_AUTH=none to accept the risk (for a console behind an authenticating proxy).',
  ].join('\n');
}
