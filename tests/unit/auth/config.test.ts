import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '@/lib/config/load';
import { bindRefusal } from '@/lib/server/binding';

const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const dir = mkdtempSync(join(tmpdir(), 'auth-config-'));
function load(yaml: string, env: Record<string, string> = {}) {
  const file = join(dir, `${Math.random()}.yaml`);
  writeFileSync(file, yaml);
  return loadConfig({ CONSOLE_CONFIG: file, ...env });
}
function problems(yaml: string, env: Record<string, string> = {}): string[] {
  try {
    load(yaml, env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}
const cluster = 'clusters:\n  - name: c\n    bootstrapServers: ["h:9092"]\n';

describe('auth configuration', () => {
  it('no auth section: sign-in is off', () => {
    assert.equal(load(cluster).auth.mode, 'none');
  });

  it('users and roles turn sign-in on', () => {
    const config = load(`auth:\n  users:\n    - { username: a, passwordHash: "${hash}", roles: [ops] }\n  roles:\n    - { name: ops, topics: ["o*"], actions: [view] }\n${cluster}`);
    assert.equal(config.auth.mode, 'sign-in');
    assert.deepEqual(config.auth.roles[0].clusters, ['*']);
  });

  it('names every problem: unknown roles and actions, plain passwords, built-in names, bad regexes', () => {
    const found = problems(
      `auth:\n  users:\n    - { username: a, passwordHash: "hunter2", roles: [ghost] }\n  roles:\n    - { name: admin, actions: [view] }\n    - { name: r, topics: ["/([/"], actions: [fly] }\n${cluster}`,
    );
    const text = found.join('\n');
    assert.match(text, /passwordHash.*argon2id or bcrypt/);
    assert.match(text, /actions.*must be one of/);
    assert.match(text, /topics.*not a valid regular expression/);
    const names = problems(`auth:\n  users:\n    - { username: a, passwordHash: "${hash}", roles: [ghost] }\n  roles:\n    - { name: admin, actions: [view] }\n${cluster}`).join('\n');
    assert.match(names, /no role named "ghost"/);
    assert.match(names, /"admin" is a built-in role/);
  });

  it('CONSOLE_AUTH=none is explicit, and conflicts with configured sign-in', () => {
    assert.equal(load(cluster, { CONSOLE_AUTH: 'none' }).auth.explicitNone, true);
    assert.match(problems(`auth:\n  users:\n    - { username: a, passwordHash: "${hash}", roles: [admin] }\n${cluster}`, { CONSOLE_AUTH: 'none' }).join(), /remove one of them/);
    assert.match(problems(cluster, { CONSOLE_AUTH: 'off' }).join(), /only value is "none"/);
  });

  it('a short session secret is refused', () => {
    assert.match(problems(cluster, { CONSOLE_SESSION_SECRET: 'short' }).join(), /at least 32 characters/);
  });
});

describe('binding', () => {
  const none = load(cluster).auth;
  it('refuses a non-loopback address without sign-in, and says how to fix it', () => {
    assert.match(bindRefusal('0.0.0.0', none) ?? '', /CONSOLE_AUTH=none/);
    assert.ok(bindRefusal('192.168.1.5', none));
  });
  it('allows loopback, sign-in, or an explicit CONSOLE_AUTH=none', () => {
    assert.equal(bindRefusal('127.0.0.1', none), undefined);
    assert.equal(bindRefusal('::1', none), undefined);
    assert.equal(bindRefusal('0.0.0.0', { ...none, explicitNone: true }), undefined);
    assert.equal(bindRefusal('0.0.0.0', { ...none, mode: 'sign-in' }), undefined);
  });
});
