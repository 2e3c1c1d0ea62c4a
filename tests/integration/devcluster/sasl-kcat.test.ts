import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDevCluster, type DevCluster } from '@/lib/devcluster';
import { hasKcat, kcat } from './support';

describe('SASL with kcat (librdkafka)', { skip: hasKcat ? false : 'kcat not installed at /usr/bin/kcat' }, () => {
  let cluster: DevCluster;
  let bootstrap: string;

  before(async () => {
    cluster = await startDevCluster({ brokers: 2, users: { alice: 'wonderland' } });
    bootstrap = cluster.bootstrapServers.join(',');
    cluster.createTopic({ name: 'kcat-secured', partitions: 1, replicationFactor: 2 });
  });

  after(() => cluster.close());

  const sasl = (mechanism: string, password: string) => [
    '-b', bootstrap, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', `sasl.mechanisms=${mechanism}`,
    '-X', 'sasl.username=alice', '-X', `sasl.password=${password}`,
  ];

  for (const mechanism of ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']) {
    it(`${mechanism}: produces and consumes with the right password, fails with the wrong one`, async () => {
      await kcat([...sasl(mechanism, 'wonderland'), '-P', '-t', 'kcat-secured', '-K', ':'], `${mechanism}:hello\n`);
      const out = await kcat([...sasl(mechanism, 'wonderland'), '-C', '-t', 'kcat-secured', '-o', 'beginning', '-e', '-q', '-f', '%k=%s\\n']);
      assert.ok(out.split('\n').includes(`${mechanism}=hello`));
      await assert.rejects(kcat([...sasl(mechanism, 'wrong'), '-L', '-m', '2'], undefined, 15_000), /SASL authentication error: Authentication failed/);
    });
  }
});
