import 'server-only';
import { ApiError, clusterUnreachable, gatewayTimeout, unsupportedByCluster, type ApiErrorCode } from '@/lib/api/errors';
import { KAFKA_VERSION_INTRODUCING, kafkaVersionNeeded } from '@/lib/protocol/api-requirements';
import { BrokerConnectionError, BrokerTimeoutError, UnsupportedVersionError } from '@/lib/protocol/client/errors';
import { KafkaProtocolError, kafkaErrorInfo, type KafkaErrorName } from '@/lib/protocol/errors';

// The one map from Kafka error codes to the console's HTTP errors, used for errors the protocol
// client throws (toApiError, at the route boundary) and for a broker's refusal of an admin
// request (kafkaApiError, through lib/kafka/topics/errors.ts).
//
// The caller's mistakes (a bad value, a name that exists, a topic or group that does not, missing
// ACLs) are 4xx; an unavailable or moving leader, controller or coordinator is a 503 (retrying
// later works); the broker's own request timeout is a 504. Any other code is a 502: the broker
// refused for a reason the console does not map, which is neither the caller's fault nor a bug
// of the console.

type Status = readonly [status: number, apiCode: ApiErrorCode];

const NOT_FOUND: Status = [404, 'not_found'];
const CONFLICT: Status = [409, 'conflict'];
const UNPROCESSABLE: Status = [422, 'unprocessable'];
const TOO_LARGE: Status = [413, 'payload_too_large'];
const FORBIDDEN: Status = [403, 'forbidden'];
const UNAVAILABLE: Status = [503, 'cluster_unreachable'];
const TIMEOUT: Status = [504, 'timeout'];
const BROKER_ERROR: Status = [502, 'broker_error'];

const STATUS_BY_KAFKA_ERROR: Partial<Record<KafkaErrorName, Status>> = {
  UNKNOWN_TOPIC_OR_PARTITION: NOT_FOUND,
  UNKNOWN_TOPIC_ID: NOT_FOUND,
  GROUP_ID_NOT_FOUND: NOT_FOUND,

  TOPIC_ALREADY_EXISTS: CONFLICT,
  NON_EMPTY_GROUP: CONFLICT,
  GROUP_SUBSCRIBED_TO_TOPIC: CONFLICT,
  REBALANCE_IN_PROGRESS: CONFLICT,
  UNKNOWN_MEMBER_ID: CONFLICT,

  INVALID_PARTITIONS: UNPROCESSABLE,
  INVALID_REPLICATION_FACTOR: UNPROCESSABLE,
  INVALID_REPLICA_ASSIGNMENT: UNPROCESSABLE,
  INVALID_CONFIG: UNPROCESSABLE,
  INVALID_TOPIC_EXCEPTION: UNPROCESSABLE,
  INVALID_GROUP_ID: UNPROCESSABLE,
  INVALID_TIMESTAMP: UNPROCESSABLE,
  INVALID_RECORD: UNPROCESSABLE,
  INVALID_REQUEST: UNPROCESSABLE,
  POLICY_VIOLATION: UNPROCESSABLE,
  OFFSET_OUT_OF_RANGE: UNPROCESSABLE,
  TOPIC_DELETION_DISABLED: UNPROCESSABLE,
  UNSUPPORTED_VERSION: UNPROCESSABLE,

  MESSAGE_TOO_LARGE: TOO_LARGE,
  RECORD_LIST_TOO_LARGE: TOO_LARGE,

  TOPIC_AUTHORIZATION_FAILED: FORBIDDEN,
  GROUP_AUTHORIZATION_FAILED: FORBIDDEN,
  CLUSTER_AUTHORIZATION_FAILED: FORBIDDEN,
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: FORBIDDEN,

  REQUEST_TIMED_OUT: TIMEOUT,

  SASL_AUTHENTICATION_FAILED: UNAVAILABLE,
  NETWORK_EXCEPTION: UNAVAILABLE,
  BROKER_NOT_AVAILABLE: UNAVAILABLE,
  NOT_CONTROLLER: UNAVAILABLE,
  LEADER_NOT_AVAILABLE: UNAVAILABLE,
  NOT_LEADER_OR_FOLLOWER: UNAVAILABLE,
  REPLICA_NOT_AVAILABLE: UNAVAILABLE,
  PREFERRED_LEADER_NOT_AVAILABLE: UNAVAILABLE,
  ELIGIBLE_LEADERS_NOT_AVAILABLE: UNAVAILABLE,
  FENCED_LEADER_EPOCH: UNAVAILABLE,
  UNKNOWN_LEADER_EPOCH: UNAVAILABLE,
  OFFSET_NOT_AVAILABLE: UNAVAILABLE,
  LISTENER_NOT_FOUND: UNAVAILABLE,
  COORDINATOR_LOAD_IN_PROGRESS: UNAVAILABLE,
  COORDINATOR_NOT_AVAILABLE: UNAVAILABLE,
  NOT_COORDINATOR: UNAVAILABLE,
  NOT_ENOUGH_REPLICAS: UNAVAILABLE,
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: UNAVAILABLE,
  KAFKA_STORAGE_ERROR: UNAVAILABLE,
  THROTTLING_QUOTA_EXCEEDED: UNAVAILABLE,
};

/** The HTTP status and API error code a Kafka error code answers with (502 for a code the map does not name). */
export function kafkaErrorStatus(code: number): Status {
  return STATUS_BY_KAFKA_ERROR[kafkaErrorInfo(code).name as KafkaErrorName] ?? BROKER_ERROR;
}

/** An ApiError for a Kafka error code, with its status from the one map. */
export function kafkaApiError(code: number, message: string, details?: unknown): ApiError {
  const [status, apiCode] = kafkaErrorStatus(code);
  return new ApiError(status, apiCode, message, details);
}

/** Returns an ApiError for a known Kafka failure, or undefined for anything else (a 500). */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  for (const e of causes(error)) {
    if (e instanceof KafkaProtocolError) {
      if (kafkaErrorStatus(e.code) !== BROKER_ERROR) return kafkaApiError(e.code, e.message || e.name);
      // No status says what went wrong, so the answer names the Kafka error.
      return kafkaApiError(e.code, `The broker refused (${e.name}): ${e.message}`, { kafkaError: e.name });
    }
    if (e instanceof UnsupportedVersionError) {
      return unsupportedByCluster(`${kafkaVersionNeeded(e.apiName)}; this cluster's brokers do not offer it.`, { api: e.apiName, needsKafka: KAFKA_VERSION_INTRODUCING[e.apiName] ?? null });
    }
    if (e instanceof BrokerTimeoutError) return gatewayTimeout(`The cluster did not answer in time: ${e.message}`);
    if (e instanceof BrokerConnectionError && !(e instanceof UnsupportedVersionError)) {
      return clusterUnreachable(`The cluster cannot be reached: ${e.message}`);
    }
  }
  return undefined;
}

/** The error and the causes it wraps, outermost first, so a wrapped Kafka failure is found. */
function* causes(error: unknown): Generator<unknown> {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth <= 5; e = (e as { cause?: unknown }).cause, depth++) yield e;
}
