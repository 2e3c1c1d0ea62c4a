/**
 * Transport-level failures of a broker connection. Every message names the
 * broker as host:port and never includes credentials.
 */

export class BrokerConnectionError extends Error {
  readonly broker: string;

  constructor(broker: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BrokerConnectionError';
    this.broker = broker;
  }
}

/** Nothing accepted the TCP connection (ECONNREFUSED, unknown host, unreachable). */
export class ConnectionRefusedError extends BrokerConnectionError {
  constructor(broker: string, reason: string, options?: { cause?: unknown }) {
    super(broker, `Connection to ${broker} failed: ${reason}`, options);
    this.name = 'ConnectionRefusedError';
  }
}

/** The connection closed (or was closed) while requests were outstanding or a new one was sent. */
export class ConnectionClosedError extends BrokerConnectionError {
  constructor(broker: string, reason = 'connection closed', options?: { cause?: unknown }) {
    super(broker, `Connection to ${broker} closed: ${reason}`, options);
    this.name = 'ConnectionClosedError';
  }
}

/** Connecting or a request took longer than its timeout. */
export class BrokerTimeoutError extends BrokerConnectionError {
  readonly timeoutMs: number;

  constructor(broker: string, what: string, timeoutMs: number) {
    super(broker, `${what} to ${broker} timed out after ${timeoutMs} ms`);
    this.name = 'BrokerTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** SASL handshake or authentication was rejected. */
export class SaslAuthenticationError extends BrokerConnectionError {
  constructor(broker: string, message: string) {
    super(broker, `SASL authentication with ${broker} failed: ${message}`);
    this.name = 'SaslAuthenticationError';
  }
}

/** Client and broker have no API version in common. */
export class UnsupportedVersionError extends BrokerConnectionError {
  readonly apiKey: number;
  readonly apiName: string;

  constructor(broker: string, apiName: string, apiKey: number, detail: string) {
    super(broker, `${broker} does not support a usable version of ${apiName} (api key ${apiKey}): ${detail}`);
    this.name = 'UnsupportedVersionError';
    this.apiKey = apiKey;
    this.apiName = apiName;
  }
}
