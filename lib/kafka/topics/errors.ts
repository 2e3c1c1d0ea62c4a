import 'server-only';
import type { ApiError } from '@/lib/api/errors';
import { kafkaErrorInfo } from '@/lib/protocol/errors';
import { kafkaApiError } from '../errors';

// A broker's refusal of an admin request, as an ApiError that keeps the broker's own message and
// names the form field it concerns, so the form can show the broker's verdict where it belongs.
// The status comes from the one Kafka error map in lib/kafka/errors.ts.

export function brokerError(code: number, brokerMessage: string | null | undefined, field?: string): ApiError {
  const info = kafkaErrorInfo(code);
  const message = brokerMessage?.trim() || info.message || info.name;
  const details: Record<string, unknown> = { kafkaError: info.name };
  if (field) details.fields = { [field]: message };
  return kafkaApiError(code, `The broker refused: ${message}`, details);
}

/** The field of a create/alter form a CreateTopics or config error concerns. */
export function fieldForTopicError(code: number, message: string | null | undefined, configNames: readonly string[]): string | undefined {
  switch (kafkaErrorInfo(code).name) {
    case 'INVALID_TOPIC_EXCEPTION':
    case 'TOPIC_ALREADY_EXISTS':
      return 'name';
    case 'INVALID_PARTITIONS':
      return 'partitions';
    case 'INVALID_REPLICATION_FACTOR':
    case 'INVALID_REPLICA_ASSIGNMENT':
      return 'replicationFactor';
    case 'INVALID_CONFIG':
    case 'POLICY_VIOLATION':
    case 'INVALID_REQUEST': {
      const named = configNameIn(message, configNames);
      if (named) return `configs.${named}`;
      return kafkaErrorInfo(code).name === 'INVALID_CONFIG' ? 'configs' : undefined;
    }
    default:
      return undefined;
  }
}

/** The longest config name the broker's message mentions (so "segment.ms" beats "segment"). */
export function configNameIn(message: string | null | undefined, configNames: readonly string[]): string | undefined {
  if (!message) return undefined;
  const found = configNames.filter((name) => new RegExp(`(?<![a-z0-9.])${name.replace(/\./g, '\\.')}(?![a-z0-9]|\\.[a-z0-9])`, 'i').test(message));
  return found.sort((a, b) => b.length - a.length)[0];
}
