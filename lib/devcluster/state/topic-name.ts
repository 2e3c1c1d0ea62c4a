import { KafkaError } from '../errors';
import { ErrorCode } from '@/lib/protocol/errors';

const MAX_NAME_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Kafka's Topic.validate: the same messages, as INVALID_TOPIC_EXCEPTION. */
export function validateTopicName(name: string): void {
  const fail = (why: string) => new KafkaError(ErrorCode.INVALID_TOPIC_EXCEPTION, why);
  if (name.length === 0) throw fail('Topic name is illegal, it can\'t be empty');
  if (name === '.' || name === '..') throw fail('Topic name cannot be "." or ".."');
  if (name.length > MAX_NAME_LENGTH) {
    throw fail(`Topic name is illegal, it can't be longer than ${MAX_NAME_LENGTH} characters, topic name: ${name}`);
  }
  if (!LEGAL.test(name)) {
    throw fail(`Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`);
  }
}

/** '.' and '_' collide in metric names, so Kafka refuses topics differing only by them. */
export function collisionKey(name: string): string {
  return name.replace(/\./g, '_');
}
