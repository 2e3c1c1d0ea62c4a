import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_LIMITS } from '@/lib/config/limits';
import { ConfigError, loadConfig } from '@/lib/config/load';

const dir = mkdtempSync(join(tmpdir(), 'config-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cluster = ['clusters:', '  - name: main', '    bootstrapServers: ["127.0.0.1:9092"]'];

function configFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return '';
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    return e.message;
  }
};

describe('limits configuration', () => {
  it('has defaults, takes the file, and lets each variable override it', () => {
    assert.deepEqual(loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092' }).limits, DEFAULT_LIMITS);
    const file = configFile('limits.yaml', ['limits:', '  tailsPerUser: 2', '  browseMaxBytes: 1048576', ...cluster]);
    const fromFile = loadConfig({ CONSOLE_CONFIG: file }).limits;
    assert.equal(fromFile.tailsPerUser, 2);
    assert.equal(fromFile.browseMaxBytes, 1048576);
    assert.equal(fromFile.readsPerUser, DEFAULT_LIMITS.readsPerUser);
    const overridden = loadConfig({ CONSOLE_CONFIG: file, CONSOLE_TAILS_PER_USER: '7', CONSOLE_READS_PER_CLUSTER: '9' }).limits;
    assert.equal(overridden.tailsPerUser, 7);
    assert.equal(overridden.readsPerCluster, 9);
    assert.equal(overridden.browseMaxBytes, 1048576);
  });

  it('names the variable or field of a bad limit', () => {
    assert.match(problems({ KAFKA_BROKERS: '127.0.0.1:9092', CONSOLE_TAILS_PER_CLUSTER: 'many' }), /CONSOLE_TAILS_PER_CLUSTER: /);
    assert.match(problems({ KAFKA_BROKERS: '127.0.0.1:9092', CONSOLE_BROWSE_MAX_BYTES: '10' }), /CONSOLE_BROWSE_MAX_BYTES: .*65536/);
    const file = configFile('bad-limits.yaml', ['limits:', '  readsPerUser: 0', '  tailsPerUsr: 3', ...cluster]);
    const message = problems({ CONSOLE_CONFIG: file });
    assert.match(message, /limits\.readsPerUser/);
    assert.match(message, /limits/);
  });
});
