// The console's embedded demo cluster serves a Schema Registry by default, on
// DEVCLUSTER_SCHEMA_REGISTRY_PORT or, when that port is taken, a random one; the returned
// cluster config points the console at it. Needs the embedded cluster: skipped when
// TEST_KAFKA_BROKERS points at an external cluster.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { startDemoCluster } from '@/lib/kafka/embedded';

const skip = process.env.TEST_KAFKA_BROKERS ? 'needs the embedded demo cluster' : false;

describe('embedded demo cluster Schema Registry', { skip }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-registry-'));
  let blocker: Server;
  let taken: number;

  before(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    taken = (blocker.address() as AddressInfo).port;
  });

  after(() => {
    blocker.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('falls back to a random port when its port is taken, and serves the demo subjects', async () => {
    const log = mock.method(console, 'log', () => {});
    const cluster = await startDemoCluster({ DEVCLUSTER_DATA_DIR: dataDir, DEVCLUSTER_PORT: '0', DEVCLUSTER_SCHEMA_REGISTRY_PORT: String(taken) });
    try {
      log.mock.restore();
      assert.ok(log.mock.calls.some((c) => String(c.arguments[0]).includes(`Port ${taken} is in use`)));
      const url = new URL(cluster.schemaRegistryUrl!);
      assert.notEqual(Number(url.port), taken);
      const subjects = (await fetch(`${url.origin}/subjects`).then((r) => r.json())) as string[];
      assert.deepEqual(subjects, ['customers.avro-value', 'payments.avro-value', 'shipments.proto-value']);
    } finally {
      log.mock.restore();
      await cluster.close();
    }
  });
});
