import { createServer, type Server } from 'node:http';
import Provider, { type Account } from 'oidc-provider';
import { freePort } from './net';

// A real OpenID Connect provider (node-oidc-provider) on a loopback port, with its built-in
// development login and consent pages: any password is accepted for the accounts below.

export interface TestAccount {
  name: string;
  groups: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startOidcProvider(options: { redirectUri: string; accounts: Record<string, TestAccount> }): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'kafka-console';
  const clientSecret = `e2e-client-secret-${Date.now().toString(36)}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    async findAccount(_ctx: unknown, id: string): Promise<Account | undefined> {
      const account = options.accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, preferred_username: id, name: account.name, groups: account.groups }) };
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    pkce: { required: () => true },
    cookies: { keys: [`e2e-cookie-key-${Date.now().toString(36)}`] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
