/**
 * A failure that maps to one Kafka error code (a name from `ErrorCode` in lib/protocol/errors);
 * handlers turn it into an error field, never a dropped connection.
 */
export class KafkaError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'KafkaError';
  }
}
