import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '@/lib/config/load';

const dir = mkdtempSync(join(tmpdir(), 'config-load-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function configFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

const cluster = ['clusters:', '  - name: main', '    bootstrapServers: ["127.0.0.1:9092"]'];

describe('loadConfig', () => {
  it('reports malformed YAML by position, never quoting the source (which may hold a password)', () => {
    const file = configFile('bad.yaml', [...cluster, '    sasl:', '      mechanism: plain', '      username: u', '      password: hunt: er2']);
    const error = (() => {
      try {
        loadConfig({ CONSOLE_CONFIG: file });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof ConfigError);
    assert.doesNotMatch(error.message, /hunt|er2|password/);
    assert.match(error.message, /not valid YAML at line 7, column \d+/);
  });

  it('trusts proxy headers only when asked to, by file or by environment', () => {
    const plain = configFile('plain.yaml', cluster);
    const trusting = configFile('trusting.yaml', ['trustProxy: true', ...cluster]);
    assert.equal(loadConfig({ CONSOLE_CONFIG: plain }).trustProxy, false);
    assert.equal(loadConfig({ CONSOLE_CONFIG: trusting }).trustProxy, true);
    assert.equal(loadConfig({ CONSOLE_CONFIG: plain, CONSOLE_TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092' }).trustProxy, false);
    assert.equal(loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092', CONSOLE_TRUST_PROXY: '1' }).trustProxy, true);
  });
});
