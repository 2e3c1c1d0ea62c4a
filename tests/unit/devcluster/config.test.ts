import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigStore, validateTopicConfigs } from '@/lib/devcluster/config/store';
import { ConfigSource, ConfigType } from '@/lib/devcluster/config/types';
import { KafkaError } from '@/lib/devcluster/errors';
import { ErrorCode } from '@/lib/protocol/errors';

const facts = (id: number) => ({ 'broker.id': String(id) });

function rejectsWith(fn: () => unknown, code: number, text: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof KafkaError && e.code === code && text.test(e.message));
}

describe('topic config validation', () => {
  it('accepts valid values and normalises them', () => {
    const m = validateTopicConfigs([
      ['retention.ms', '-1'],
      ['cleanup.policy', 'compact, delete'],
      ['unclean.leader.election.enable', 'TRUE'],
      ['min.cleanable.dirty.ratio', '0.25'],
      ['flush.ms', '9223372036854775807'],
    ]);
    assert.equal(m.get('cleanup.policy'), 'compact,delete');
    assert.equal(m.get('unclean.leader.election.enable'), 'true');
    assert.equal(m.get('flush.ms'), '9223372036854775807');
  });

  it('rejects unknown names and bad values with INVALID_CONFIG naming the config', () => {
    rejectsWith(() => validateTopicConfigs([['retention.mss', '1']]), ErrorCode.INVALID_CONFIG, /retention\.mss/);
    rejectsWith(() => validateTopicConfigs([['retention.ms', 'soon']]), ErrorCode.INVALID_CONFIG, /retention\.ms/);
    rejectsWith(() => validateTopicConfigs([['retention.ms', '-2']]), ErrorCode.INVALID_CONFIG, /at least -1/);
    rejectsWith(() => validateTopicConfigs([['segment.bytes', '3000000000']]), ErrorCode.INVALID_CONFIG, /segment\.bytes/);
    rejectsWith(() => validateTopicConfigs([['cleanup.policy', 'forever']]), ErrorCode.INVALID_CONFIG, /cleanup\.policy/);
    rejectsWith(() => validateTopicConfigs([['compression.type', 'brotli']]), ErrorCode.INVALID_CONFIG, /compression\.type/);
    rejectsWith(() => validateTopicConfigs([['min.insync.replicas', '0']]), ErrorCode.INVALID_CONFIG, /min\.insync\.replicas/);
    rejectsWith(() => validateTopicConfigs([['preallocate', 'yes']]), ErrorCode.INVALID_CONFIG, /preallocate/);
    rejectsWith(() => validateTopicConfigs([['min.cleanable.dirty.ratio', '1.5']]), ErrorCode.INVALID_CONFIG, /no more than 1/);
  });
});

describe('config layers and DescribeConfigs entries', () => {
  it('reports Kafka defaults with DEFAULT_CONFIG and the broker synonym default', () => {
    const store = new ConfigStore({}, facts);
    const [retention] = store.describeTopic(1, new Map(), ['retention.ms']);
    assert.equal(retention.value, '604800000');
    assert.equal(retention.source, ConfigSource.DEFAULT_CONFIG);
    assert.equal(retention.configType, ConfigType.LONG);
    assert.deepEqual(retention.synonyms, [{ name: 'log.retention.hours', value: '168', source: ConfigSource.DEFAULT_CONFIG }]);
    assert.match(retention.documentation, /log segment/);
  });

  it('orders topic override, dynamic broker, dynamic default and static layers like Kafka', () => {
    const store = new ConfigStore({ 'log.retention.hours': '24' }, facts);
    assert.equal(store.topicValue(1, new Map(), 'retention.ms'), '86400000');
    store.setDynamic(null, new Map([['log.retention.ms', '5000']]));
    store.setDynamic(1, new Map([['log.retention.ms', '7000']]));
    const [r] = store.describeTopic(1, new Map([['retention.ms', '9000']]), ['retention.ms']);
    assert.equal(r.value, '9000');
    assert.equal(r.source, ConfigSource.DYNAMIC_TOPIC_CONFIG);
    assert.deepEqual(
      r.synonyms.map((s) => [s.name, s.value, s.source]),
      [
        ['retention.ms', '9000', ConfigSource.DYNAMIC_TOPIC_CONFIG],
        ['log.retention.ms', '7000', ConfigSource.DYNAMIC_BROKER_CONFIG],
        ['log.retention.ms', '5000', ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG],
        ['log.retention.hours', '86400000', ConfigSource.STATIC_BROKER_CONFIG],
        ['log.retention.hours', '168', ConfigSource.DEFAULT_CONFIG],
      ],
    );
    assert.equal(store.topicValue(2, new Map(), 'retention.ms'), '5000', 'broker 2 has no per-broker override');
  });

  it('marks static broker configs read-only and hides passwords', () => {
    const store = new ConfigStore({ 'num.partitions': '4' }, facts);
    const entries = store.describeBroker(3, null, false);
    const id = entries.find((e) => e.name === 'broker.id')!;
    assert.equal(id.value, '3');
    assert.equal(id.readOnly, true);
    assert.equal(id.source, ConfigSource.STATIC_BROKER_CONFIG);
    const parts = entries.find((e) => e.name === 'num.partitions')!;
    assert.equal(parts.value, '4');
    assert.equal(parts.readOnly, false);
    const jaas = entries.find((e) => e.name === 'sasl.jaas.config')!;
    assert.equal(jaas.isSensitive, true);
    assert.equal(jaas.value, null);
    rejectsWith(() => store.validateBrokerChange('broker.id', '9'), ErrorCode.INVALID_REQUEST, /broker\.id/);
    rejectsWith(() => store.validateBrokerChange('no.such', '1'), ErrorCode.INVALID_CONFIG, /no\.such/);
    assert.throws(() => new ConfigStore({ 'num.partitions': 'many' }, facts), KafkaError);
  });
});
