import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, KAFKA_ERRORS, KafkaProtocolError, ProtocolError, kafkaErrorByName, kafkaErrorInfo, throwIfKafkaError } from '@/lib/protocol/errors';

describe('Kafka error table', () => {
  it('covers every code from -1 to 129 exactly once', () => {
    for (let code = -1; code <= 129; code++) assert.ok(KAFKA_ERRORS.has(code), `missing ${code}`);
    assert.equal(KAFKA_ERRORS.size, 131);
    assert.equal(new Set([...KAFKA_ERRORS.values()].map((e) => e.name)).size, 131);
  });

  it('has the well-known codes and retriability', () => {
    assert.equal(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 3);
    assert.equal(ErrorCode.NOT_COORDINATOR, 16);
    assert.equal(ErrorCode.UNSUPPORTED_VERSION, 35);
    assert.equal(ErrorCode.TOPIC_ALREADY_EXISTS, 36);
    assert.equal(ErrorCode.NON_EMPTY_GROUP, 68);
    assert.equal(ErrorCode.UNKNOWN_TOPIC_ID, 100);
    assert.equal(kafkaErrorInfo(6).retriable, true);
    assert.equal(kafkaErrorInfo(36).retriable, false);
    assert.equal(kafkaErrorByName('REBALANCE_IN_PROGRESS')?.code, 27);
    assert.equal(kafkaErrorInfo(4242).name, 'UNKNOWN_ERROR_CODE_4242');
  });

  it('KafkaProtocolError carries code, Kafka name and message', () => {
    const err = new KafkaProtocolError(3, 'topic orders');
    assert.ok(err instanceof Error);
    assert.equal(err.code, 3);
    assert.equal(err.name, 'UNKNOWN_TOPIC_OR_PARTITION');
    assert.equal(err.retriable, true);
    assert.equal(err.message, 'This server does not host this topic-partition. (topic orders)');
    assert.throws(() => throwIfKafkaError(58), KafkaProtocolError);
    assert.doesNotThrow(() => throwIfKafkaError(0));
    assert.equal(new ProtocolError('x').name, 'ProtocolError');
  });
});
