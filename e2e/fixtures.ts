import { test as base, expect } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { collectPageErrors, describeErrors, type PageErrorCollector } from './support/page-errors';

// Fixtures: a kafkajs client on the cluster under test, the devcluster's fault control, a
// unique name per test so runs never collide, and (for every test, without asking) a check that
// no page threw or logged a console error the test did not declare with `pageErrors.allow`.

interface Faults {
  /** False against an external cluster (TEST_KAFKA_BROKERS): fault tests skip themselves. */
  available: boolean;
  stopBroker(id: number): Promise<void>;
  startBroker(id: number): Promise<void>;
  /** auto.leader.rebalance.enable on the devcluster's brokers (off: leaders stay where failover put them). */
  setLeaderRebalance(enabled: boolean): Promise<void>;
}

interface Fixtures {
  kafka: Kafka;
  clusterId: string;
  faults: Faults;
  uniqueName: (prefix: string) => string;
  pageErrors: Pick<PageErrorCollector, 'allow' | 'unexpected' | 'clear'>;
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ context }, use) => {
      const collector = collectPageErrors(context);
      await use(collector);
      collector.stop();
      const errors = collector.unexpected();
      if (errors.length > 0) throw new Error(`The pages logged errors this test did not expect:\n${describeErrors(errors)}`);
    },
    { auto: true },
  ],
  kafka: async ({}, use) => {
    await use(new Kafka({ clientId: 'e2e', brokers: process.env.E2E_BROKERS!.split(','), logLevel: logLevel.NOTHING }));
  },
  clusterId: async ({}, use) => use(process.env.E2E_CLUSTER ?? 'e2e'),
  faults: async ({}, use) => {
    const url = process.env.E2E_CONTROL_URL;
    const post = async (path: string) => {
      if (!url) throw new Error('Broker faults need the devcluster (TEST_KAFKA_BROKERS is set).');
      const response = await fetch(`${url}${path}`, { method: 'POST' });
      if (!response.ok) throw new Error(`${path} failed: ${await response.text()}`);
    };
    await use({
      available: Boolean(url),
      stopBroker: (id) => post(`/brokers/${id}/stop`),
      startBroker: (id) => post(`/brokers/${id}/start`),
      setLeaderRebalance: (enabled) => post(`/leader-rebalance/${enabled ? 'on' : 'off'}`),
    });
  },
  uniqueName: async ({}, use) => {
    let n = 0;
    await use((prefix) => `${prefix}-${Date.now().toString(36)}-${++n}`);
  },
});

export { expect };
