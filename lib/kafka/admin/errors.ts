import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { kafkaErrorInfo } from '@/lib/protocol/errors';

// A broker's refusal of an admin request, as an ApiError that keeps the broker's own message and
// names the form field it concerns, so the form can show the broker's verdict where it belongs.

const statusByName: Record<string, [number, ApiError['code']]> = {
  TOPIC_ALREADY_EXISTS: [409, 'conflict'],
  UNKNOWN_TOPIC_OR_PARTITION: [404, 'not_found'],
  UNKNOWN_TOPIC_ID: [404, 'not_found'],
  TOPIC_AUTHORIZATION_FAILED: [403, 'forbidden'],
  CLUSTER_AUTHORIZATION_FAILED: [403, 'forbidden'],
  REQUEST_TIMED_OUT: [504, 'timeout'],
  NOT_CONTROLLER: [503, 'cluster_unreachable'],
  LEADER_NOT_AVAILABLE: [503, 'cluster_unreachable'],
  NOT_LEADER_OR_FOLLOWER: [503, 'cluster_unreachable'],
  BROKER_NOT_AVAILABLE: [503, 'cluster_unreachable'],
  KAFKA_STORAGE_ERROR: [503, 'cluster_unreachable'],
  UNSUPPORTED_VERSION: [422, 'unprocessable'],
};

export function brokerError(code: number, brokerMessage: string | null | undefined, field?: string): ApiError {
  const info = kafkaErrorInfo(code);
  const [status, apiCode] = statusByName[info.name] ?? [422, 'unprocessable'];
  const message = brokerMessage?.trim() || info.message || info.name;
  const details: Record<string, unknown> = { kafkaError: info.name };
  if (field) details.fields = { [field]: message };
  return new ApiError(status, apiCode, `The broker refused: ${message}`, details);
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
