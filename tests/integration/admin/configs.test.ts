import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { alterConfigsResult, topicFormContext, type TopicFormContext } from '@/lib/api/topic-admin';
import { callRoute } from '@/tests/support/console';
import { startAdminTest, type AdminTestContext, type FieldErrorBody } from './support';

// PATCH/PUT /api/clusters/:cluster/topics/:topic/configs through IncrementalAlterConfigs, and the
// form context GET that the settings page reads.

type Handler = Parameters<typeof callRoute>[0];
let t: AdminTestContext;
let patch: Handler;
let put: Handler;
let form: Handler;
const topic = `cfg-${Date.now().toString(36)}`;

before(async () => {
  t = await startAdminTest();
  await t.admin.createTopics({
    topics: [{ topic, numPartitions: 2, replicationFactor: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }, { name: 'segment.ms', value: '600000' }] }],
  });
  const route = await import('@/app/api/clusters/[cluster]/topics/[topic]/configs/route');
  patch = route.PATCH;
  put = route.PUT;
  form = (await import('@/app/api/clusters/[cluster]/admin/topic-form/route')).GET;
});
after(() => t?.close());

async function overrides(): Promise<Record<string, string>> {
  const r = await t.admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic }] });
  return Object.fromEntries(r.resources[0].configEntries.filter((e) => e.configSource === 1).map((e) => [e.configName, e.configValue]));
}
const call = (handler: Handler, body: unknown, method: string, name = topic) =>
  callRoute<FieldErrorBody & Record<string, unknown>>(handler, { cluster: 'main', topic: name }, { body, method });

describe('topic configs', () => {
  it('the form context shows overrides with the default each hides', async () => {
    const { status, body } = await callRoute<TopicFormContext>(form, { cluster: 'main' }, { query: { topic } });
    assert.equal(status, 200);
    topicFormContext.strict().parse(body);
    assert.equal(body.liveBrokers, 3);
    assert.ok(body.topicNames.includes(topic));
    const retention = body.topic!.configs.find((c) => c.name === 'retention.ms')!;
    assert.deepEqual([retention.value, retention.override, retention.defaultValue], ['3600000', true, '604800000']);
    const policy = body.topic!.configs.find((c) => c.name === 'cleanup.policy')!;
    assert.deepEqual([policy.override, policy.defaultValue], [false, 'delete']);
    assert.equal(body.topic!.partitions.length, 2);
    assert.equal(body.topic!.replicationFactor, 2);
  });

  it('PATCH sets and resets only the named configs', async () => {
    const { status, body } = await call(patch, { set: { 'cleanup.policy': 'compact', 'retention.ms': '7200000' }, reset: ['segment.ms'] }, 'PATCH');
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(await overrides(), { 'cleanup.policy': 'compact', 'retention.ms': '7200000' });
  });

  it('PATCH with validateOnly changes nothing', async () => {
    const before = await overrides();
    const { status } = await call(patch, { set: { 'retention.ms': '1000' }, validateOnly: true }, 'PATCH');
    assert.equal(status, 200);
    assert.deepEqual(await overrides(), before);
  });

  it('PUT sends only the difference to reach the wanted overrides', async () => {
    const { status, body } = await call(put, { configs: { 'retention.ms': '7200000', 'max.message.bytes': '2097152' } }, 'PUT');
    assert.equal(status, 200, JSON.stringify(body));
    alterConfigsResult.strict().parse(body);
    assert.deepEqual(body.operations, [
      { name: 'cleanup.policy', op: 'delete' },
      { name: 'max.message.bytes', op: 'set', value: '2097152' },
    ]);
    assert.deepEqual(await overrides(), { 'retention.ms': '7200000', 'max.message.bytes': '2097152' });
  });

  it('refuses bad configs on configs.<name> and changes nothing', async () => {
    const before = await overrides();
    const cases: [unknown, string][] = [
      [{ set: { 'retention.ms': 'forever' } }, 'configs.retention.ms'],
      [{ set: { 'retenion.ms': '1' } }, 'configs.retenion.ms'],
      [{ set: { 'min.insync.replicas': '3' } }, 'configs.min.insync.replicas'],
      [{ set: { 'compression.type': 'brotli' } }, 'configs.compression.type'],
      [{ reset: ['no.such.config'] }, 'configs.no.such.config'],
      [{ set: {} }, 'set'],
      [{ set: { 'retention.ms': '1' }, reset: ['retention.ms'] }, 'reset'],
      [{ set: { 'retention.ms': 5 } }, 'set.retention.ms'],
    ];
    for (const [body, field] of cases) {
      const answer = await call(patch, body, 'PATCH');
      assert.equal(answer.status, 400, `${JSON.stringify(body)} -> ${answer.status} ${JSON.stringify(answer.body)}`);
      assert.ok(answer.body.details?.fields?.[field], `${field} named in ${JSON.stringify(answer.body)}`);
    }
    assert.deepEqual(await overrides(), before);
  });

  it('answers 404 for a topic that does not exist and 400 for an illegal topic name', async () => {
    assert.equal((await call(patch, { set: { 'retention.ms': '1' } }, 'PATCH', `missing-${topic}`)).status, 404);
    assert.equal((await call(patch, { set: { 'retention.ms': '1' } }, 'PATCH', 'bad name')).status, 400);
  });
});
