import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brokerConfigsResult } from '@/lib/api/broker-configs';
import { callRoute } from '@/tests/support/console';
import { readAuditFile, startAdminTest, type AdminTestContext, type FieldErrorBody } from './support';

// Dynamic broker configs through the console, checked with kafkajs describeConfigs: validate
// changes nothing, apply sets the value at the chosen scope, reset removes it again. The config
// used, log.message.downconversion.enable, is set to its default value, so even on a shared
// cluster nothing behaves differently while the test runs.

type Handler = Parameters<typeof callRoute>[0];
const BROKER = 4;
const NAME = 'log.message.downconversion.enable';
let t: AdminTestContext;
let patch: Handler;
let brokerId: number;

before(async () => {
  t = await startAdminTest();
  patch = (await import('@/app/api/clusters/[cluster]/brokers/[broker]/configs/route')).PATCH;
  brokerId = (await t.admin.describeCluster()).brokers.map((b) => b.nodeId).sort((a, b) => a - b)[0];
});
after(async () => {
  // Leaves the cluster as found even if an assertion failed half-way.
  await call({ reset: [NAME] });
  await call({ scope: 'cluster-default', reset: [NAME] });
  await t?.close();
});

const call = <T = FieldErrorBody>(body: unknown, broker = String(brokerId)) =>
  callRoute<T & FieldErrorBody>(patch, { cluster: 'main', broker }, { body, method: 'PATCH' });
/** The config on `broker` as kafkajs reads it: value and where it comes from. */
const described = async (broker = brokerId) => {
  const res = await t.admin.describeConfigs({ includeSynonyms: false, resources: [{ type: BROKER, name: String(broker), configNames: [NAME] }] });
  const entry = res.resources[0].configEntries.find((e) => e.configName === NAME)!;
  return { value: entry.configValue, source: entry.configSource as number };
};

describe('broker configs', () => {
  it('validates without changing, applies to one broker, then resets it', async () => {
    const before = await described();
    const validated = await call({ set: { [NAME]: 'true' }, validateOnly: true });
    assert.equal(validated.status, 200, JSON.stringify(validated.body));
    brokerConfigsResult.strict().parse(validated.body);
    assert.deepEqual(await described(), before, 'validate-only changed nothing');

    const applied = await call({ set: { [NAME]: 'true' } });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.deepEqual(await described(), { value: 'true', source: 2 }, 'a dynamic per-broker value (DYNAMIC_BROKER_CONFIG)');

    assert.equal((await call({ reset: [NAME] })).status, 200);
    assert.deepEqual(await described(), before, 'reset restores the previous layer');
    const audited = readAuditFile(t.console.auditFile).filter((e) => e.target === `broker ${brokerId}`).map((e) => e.action);
    assert.deepEqual(audited.slice(-3), ['broker.configs.validate', 'broker.configs.alter', 'broker.configs.alter']);
  });

  it('sets and removes the cluster-wide default every broker falls back to', async () => {
    const brokers = (await t.admin.describeCluster()).brokers.map((b) => b.nodeId);
    assert.equal((await call({ scope: 'cluster-default', set: { [NAME]: 'true' } })).status, 200);
    for (const id of brokers) assert.deepEqual(await described(id), { value: 'true', source: 3 }, `broker ${id} sees DYNAMIC_DEFAULT_BROKER_CONFIG`);
    assert.equal((await call({ scope: 'cluster-default', reset: [NAME] })).status, 200);
    for (const id of brokers) assert.notEqual((await described(id)).source, 3);
  });

  it('refuses bad input naming the field, changing nothing', async () => {
    const before = await described();
    const cases: [unknown, number, string][] = [
      [{ set: { 'broker.id': '7' } }, 400, 'set.broker.id'],
      [{ set: { [NAME]: 'maybe' } }, 400, `set.${NAME}`],
      [{ set: { 'log.retention.bytes': 'lots' } }, 400, 'set.log.retention.bytes'],
      [{ set: { 'no.such.config': '1' } }, 400, 'set.no.such.config'],
      [{ set: {}, reset: [] }, 400, 'set'],
      [{ scope: 'everywhere', set: { [NAME]: 'true' } }, 400, 'scope'],
    ];
    for (const [body, status, field] of cases) {
      const res = await call(body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.ok(res.body.details?.fields?.[field], `${JSON.stringify(body)} names ${field}: ${JSON.stringify(res.body)}`);
    }
    assert.equal((await call({ set: { [NAME]: 'true' } }, '9999')).status, 404);
    assert.equal((await call({ set: { [NAME]: 'true' } }, 'abc')).status, 400);
    assert.deepEqual(await described(), before);
  });
});
