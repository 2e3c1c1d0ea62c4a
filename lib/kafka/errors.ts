import 'server-only';
import {
  ApiError,
  clusterUnreachable,
  conflict,
  forbidden,
  gatewayTimeout,
  notFound,
  payloadTooLarge,
  unprocessable,
} from '@/lib/api/errors';

// Maps Kafka failures (kafkajs errors and the protocol layer's errors, which both carry Kafka's
// error name) to the console's HTTP error shape.

const byKafkaName: Record<string, (message: string) => ApiError> = {
  UNKNOWN_TOPIC_OR_PARTITION: notFound,
  GROUP_ID_NOT_FOUND: notFound,
  TOPIC_ALREADY_EXISTS: conflict,
  NON_EMPTY_GROUP: conflict,
  GROUP_SUBSCRIBED_TO_TOPIC: conflict,
  REBALANCE_IN_PROGRESS: conflict,
  UNKNOWN_MEMBER_ID: conflict,
  INVALID_PARTITIONS: unprocessable,
  INVALID_REPLICATION_FACTOR: unprocessable,
  INVALID_REPLICA_ASSIGNMENT: unprocessable,
  INVALID_CONFIG: unprocessable,
  INVALID_TOPIC_EXCEPTION: unprocessable,
  POLICY_VIOLATION: unprocessable,
  INVALID_REQUEST: unprocessable,
  OFFSET_OUT_OF_RANGE: unprocessable,
  TOPIC_DELETION_DISABLED: unprocessable,
  MESSAGE_TOO_LARGE: payloadTooLarge,
  RECORD_LIST_TOO_LARGE: payloadTooLarge,
  TOPIC_AUTHORIZATION_FAILED: forbidden,
  GROUP_AUTHORIZATION_FAILED: forbidden,
  CLUSTER_AUTHORIZATION_FAILED: forbidden,
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: forbidden,
  SASL_AUTHENTICATION_FAILED: clusterUnreachable,
  REQUEST_TIMED_OUT: gatewayTimeout,
  NOT_ENOUGH_REPLICAS: clusterUnreachable,
  LEADER_NOT_AVAILABLE: clusterUnreachable,
  COORDINATOR_NOT_AVAILABLE: clusterUnreachable,
};

interface ErrorLike {
  name?: string;
  type?: string;
  message?: string;
  originalError?: unknown;
  cause?: unknown;
  errors?: unknown[];
  groups?: { error?: unknown }[];
}

/** Returns an ApiError for a known Kafka failure, or undefined for anything else (a 500). */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  for (const e of unwrap(error)) {
    // kafkajs puts Kafka's error name in `type`; the protocol client's KafkaProtocolError in `name`.
    const kafkaName = e.type ?? (e as { errorName?: string }).errorName ?? (e.name && e.name in byKafkaName ? e.name : undefined);
    const make = kafkaName ? byKafkaName[kafkaName] : undefined;
    if (make) return make(e.message || kafkaName || 'Kafka error');
    if (e.name === 'KafkaJSRequestTimeoutError' || e.name === 'RequestTimeoutError' || e.name === 'BrokerTimeoutError') {
      return gatewayTimeout(`The cluster did not answer in time: ${e.message}`);
    }
    if (
      e.name === 'KafkaJSConnectionError' ||
      e.name === 'KafkaJSBrokerNotFound' ||
      e.name === 'KafkaJSSASLAuthenticationError' ||
      e.name === 'ConnectionError' ||
      e.name === 'BrokerConnectionError' ||
      e.name === 'ConnectionRefusedError' ||
      e.name === 'ConnectionClosedError' ||
      e.name === 'SaslAuthenticationError' ||
      e.name === 'KafkaJSConnectionClosedError'
    ) {
      return clusterUnreachable(`The cluster cannot be reached: ${e.message}`);
    }
  }
  const top = error as ErrorLike | undefined;
  if (top?.name === 'KafkaJSNumberOfRetriesExceeded' || top?.name === 'KafkaJSNonRetriableError') {
    return clusterUnreachable(`The cluster cannot be reached: ${top.message}`);
  }
  return undefined;
}

/** The error and everything it wraps, outermost first, so the most specific cause is found. */
function* unwrap(error: unknown, depth = 0): Generator<ErrorLike> {
  if (!error || typeof error !== 'object' || depth > 5) return;
  const e = error as ErrorLike;
  yield e;
  yield* unwrap(e.originalError, depth + 1);
  yield* unwrap(e.cause, depth + 1);
  for (const inner of e.errors ?? []) yield* unwrap(inner, depth + 1);
  for (const group of e.groups ?? []) yield* unwrap(group.error, depth + 1);
}
