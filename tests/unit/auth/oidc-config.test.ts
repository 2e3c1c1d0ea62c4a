import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '@/lib/config/load';

const dir = mkdtempSync(join(tmpdir(), 'oidc-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function withIssuer(issuer: string, extra: string[] = []): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  const lines = ['auth:', '  oidc:', `    issuer: ${issuer}`, '    clientId: console', ...extra, 'clusters:', '  - name: main', '    bootstrapServers: ["127.0.0.1:9092"]'];
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('auth.oidc in the configuration', () => {
  it('turns sign-in on and fills the defaults', () => {
    const { auth } = loadConfig({ CONSOLE_CONFIG: withIssuer('https://login.example.com/realms/kafka') });
    assert.equal(auth.mode, 'sign-in');
    assert.deepEqual(auth.oidc?.scopes, ['openid', 'profile', 'email']);
    assert.equal(auth.oidc?.rolesClaim, 'groups');
  });

  it('accepts plain http only for a provider on a loopback address', () => {
    for (const issuer of ['http://127.0.0.1:8080', 'http://localhost:8080/realms/x', 'http://[::1]:8080']) {
      assert.equal(loadConfig({ CONSOLE_CONFIG: withIssuer(issuer) }).auth.oidc?.issuer, issuer);
    }
    assert.throws(() => loadConfig({ CONSOLE_CONFIG: withIssuer('http://login.example.com') }), /auth\.oidc\.issuer: must be an https URL/);
  });

  it('refuses a role mapping to a role that does not exist', () => {
    const file = withIssuer('https://login.example.com', ['    roleMapping:', '      kafka-admins: [admin]', '      ops: [operator]']);
    assert.throws(() => loadConfig({ CONSOLE_CONFIG: file }), /auth\.oidc\.roleMapping\.ops: no role named "operator"/);
  });
});
