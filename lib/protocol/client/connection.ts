/**
 * One TCP/TLS connection to a Kafka broker: framing, correlation ids,
 * pipelined requests with per-request timeouts, ApiVersions negotiation and
 * SASL (PLAIN, SCRAM-SHA-256/512).
 */
import net from 'node:net';
import type { ApiCodec } from '../api-codec';
import { ErrorCode, KafkaProtocolError, ProtocolError, kafkaErrorInfo } from '../errors';
import { FrameDecoder } from '../framing';
import { apiCodecsByKey } from '../generated';
import { ApiVersions, type ApiVersionsResponse } from '../generated/api-versions';
import { SaslAuthenticate } from '../generated/sasl-authenticate';
import { SaslHandshake } from '../generated/sasl-handshake';
import { API_VERSIONS_KEY, decodeResponseHeader, encodeRequestFrame } from '../headers';
import { Reader } from '../reader';
import type { Writer } from '../writer';
import {
  BrokerTimeoutError,
  ConnectionClosedError,
  SaslAuthenticationError,
  UnsupportedVersionError,
} from './errors';
import { type ScramMechanism, ScramClient, ScramError } from './scram';
import { type SocketOptions, describeSocketError, openSocket } from './socket';

export type { TlsOptions } from './socket';

export type SaslMechanism = 'PLAIN' | ScramMechanism;

export interface SaslOptions {
  mechanism: SaslMechanism;
  username: string;
  password: string;
}

/** Where to connect and how (host, port, TLS, connect timeout), then the session's options. */
export interface ConnectionOptions extends SocketOptions {
  clientId?: string;
  sasl?: SaslOptions;
  requestTimeoutMs?: number;
  maxFrameSize?: number;
  /** Skip ApiVersions on connect; every send then needs an explicit version or uses the codec's max. */
  skipApiVersions?: boolean;
}

export interface SendOptions {
  /** Force a version instead of the negotiated one. */
  version?: number;
  timeoutMs?: number;
}

export interface VersionRange {
  minVersion: number;
  maxVersion: number;
}

interface Pending {
  apiKey: number;
  version: number;
  decode: (r: Reader) => unknown;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export const DEFAULT_CLIENT_ID = 'kafka-console';
const CLIENT_SOFTWARE_NAME = 'kafka-console';
const CLIENT_SOFTWARE_VERSION = '0.1.0';

export class BrokerConnection {
  readonly host: string;
  readonly port: number;
  readonly broker: string;
  readonly clientId: string;
  private readonly socket: net.Socket;
  private readonly frames: FrameDecoder;
  private readonly pending = new Map<number, Pending>();
  private readonly requestTimeoutMs: number;
  private readonly closeListeners: Array<(err?: Error) => void> = [];
  private nextCorrelationId = 1;
  private closedWith: Error | null = null;
  /** Versions the broker advertised, by API key (empty when ApiVersions was skipped). */
  readonly brokerVersions = new Map<number, VersionRange>();

  private constructor(socket: net.Socket, options: ConnectionOptions) {
    this.socket = socket;
    this.host = options.host;
    this.port = options.port;
    this.broker = `${options.host}:${options.port}`;
    this.clientId = options.clientId ?? DEFAULT_CLIENT_ID;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.frames = new FrameDecoder(options.maxFrameSize);
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => this.fail(new ConnectionClosedError(this.broker, describeSocketError(err), { cause: err })));
    socket.on('close', () => this.fail(new ConnectionClosedError(this.broker)));
  }

  /** Connects, negotiates API versions and authenticates. */
  static async connect(options: ConnectionOptions): Promise<BrokerConnection> {
    const socket = await openSocket(options);
    const conn = new BrokerConnection(socket, options);
    try {
      if (!options.skipApiVersions) await conn.negotiateApiVersions();
      if (options.sasl) await conn.authenticate(options.sasl);
    } catch (err) {
      conn.close();
      throw err;
    }
    return conn;
  }

  get closed(): boolean {
    return this.closedWith !== null;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** Called once when the connection closes, with the reason if it failed. */
  onClose(listener: (err?: Error) => void): void {
    if (this.closedWith) listener(this.closedWith);
    else this.closeListeners.push(listener);
  }

  /** The version `send` would use for this codec: the highest both sides support. */
  versionFor(codec: ApiCodec<unknown, unknown>): number {
    if (this.brokerVersions.size === 0) return codec.maxVersion;
    const range = this.brokerVersions.get(codec.apiKey);
    if (!range) throw new UnsupportedVersionError(this.broker, codec.name, codec.apiKey, 'not advertised by the broker');
    const max = Math.min(range.maxVersion, codec.maxVersion);
    const min = Math.max(range.minVersion, codec.minVersion);
    if (max < min) {
      throw new UnsupportedVersionError(
        this.broker,
        codec.name,
        codec.apiKey,
        `broker supports ${range.minVersion}-${range.maxVersion}, client ${codec.minVersion}-${codec.maxVersion}`,
      );
    }
    return max;
  }

  /** Sends a request and resolves with the decoded response. */
  send<Req, Res>(codec: ApiCodec<Req, Res>, request: Req, options: SendOptions = {}): Promise<Res> {
    if (codec.apiKey === 0 && (request as { acks?: number }).acks === 0) {
      return Promise.reject(new ProtocolError('Produce with acks=0 gets no response; use sendWithoutResponse'));
    }
    const version = options.version ?? this.versionFor(codec as ApiCodec<unknown, unknown>);
    const decode = codec.apiKey === API_VERSIONS_KEY
      ? (r: Reader) => decodeApiVersionsResponse(r, version) as Res
      : (r: Reader) => codec.decodeResponse(r, version);
    return this.request(codec.apiKey, version, (w) => codec.encodeRequest(w, version, request), decode, options.timeoutMs);
  }

  /** Sends a request the broker will not answer (Produce with acks=0). Resolves once written. */
  sendWithoutResponse<Req, Res>(codec: ApiCodec<Req, Res>, request: Req, options: SendOptions = {}): Promise<void> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const version = options.version ?? this.versionFor(codec as ApiCodec<unknown, unknown>);
    const frame = encodeRequestFrame(codec.apiKey, version, this.nextId(), this.clientId, (w) => codec.encodeRequest(w, version, request));
    return new Promise((resolve, reject) => {
      this.socket.write(frame, (err) => (err ? reject(new ConnectionClosedError(this.broker, err.message, { cause: err })) : resolve()));
    });
  }

  private nextId(): number {
    const id = this.nextCorrelationId;
    this.nextCorrelationId = id === 0x7fffffff ? 1 : id + 1;
    return id;
  }

  private request<Res>(
    apiKey: number,
    version: number,
    body: (w: Writer) => void,
    decode: (r: Reader) => Res,
    timeoutMs = this.requestTimeoutMs,
  ): Promise<Res> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const correlationId = this.nextId();
    let frame: Buffer;
    try {
      frame = encodeRequestFrame(apiKey, version, correlationId, this.clientId, body);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<Res>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        const name = apiName(apiKey);
        reject(new BrokerTimeoutError(this.broker, `${name} v${version} request`, timeoutMs));
      }, timeoutMs);
      this.pending.set(correlationId, {
        apiKey,
        version,
        decode,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer,
      });
      this.socket.write(frame);
    });
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (err) {
      this.fail(new ConnectionClosedError(this.broker, (err as Error).message, { cause: err }));
      this.socket.destroy();
      return;
    }
    for (const frame of frames) this.onFrame(frame);
  }

  private onFrame(frame: Buffer): void {
    if (frame.length < 4) return;
    const correlationId = frame.readInt32BE(0);
    const p = this.pending.get(correlationId);
    // A response to a request that already timed out: nothing waits for it.
    if (!p) return;
    this.pending.delete(correlationId);
    clearTimeout(p.timer);
    try {
      const r = new Reader(frame);
      decodeResponseHeader(r, p.apiKey, p.version);
      p.resolve(p.decode(r));
    } catch (err) {
      p.reject(err instanceof Error ? err : new ProtocolError(String(err)));
    }
  }

  private fail(err: Error): void {
    if (this.closedWith) return;
    this.closedWith = err;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
    for (const l of this.closeListeners.splice(0)) l(err);
  }

  /** Closes the connection; outstanding requests fail with ConnectionClosedError. */
  close(): void {
    this.fail(new ConnectionClosedError(this.broker, 'closed by client'));
    this.socket.destroy();
  }

  private async negotiateApiVersions(): Promise<void> {
    const request = { clientSoftwareName: CLIENT_SOFTWARE_NAME, clientSoftwareVersion: CLIENT_SOFTWARE_VERSION };
    let version = ApiVersions.maxVersion;
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await this.send(ApiVersions, request, { version });
      if (res.errorCode === ErrorCode.UNSUPPORTED_VERSION) {
        // KIP-511: the broker lists the ApiVersions versions it supports; older ones list nothing.
        const own = res.apiKeys.find((k) => k.apiKey === API_VERSIONS_KEY);
        const next = own ? Math.min(own.maxVersion, ApiVersions.maxVersion) : 0;
        if (next >= version) break;
        version = next;
        continue;
      }
      if (res.errorCode !== ErrorCode.NONE) throw new KafkaProtocolError(res.errorCode, `ApiVersions from ${this.broker}`);
      this.brokerVersions.clear();
      for (const k of res.apiKeys) this.brokerVersions.set(k.apiKey, { minVersion: k.minVersion, maxVersion: k.maxVersion });
      return;
    }
    throw new UnsupportedVersionError(this.broker, 'ApiVersions', API_VERSIONS_KEY, 'no common version');
  }

  private async authenticate(sasl: SaslOptions): Promise<void> {
    const handshakeVersion = this.brokerVersions.size === 0 ? 1 : this.versionFor(SaslHandshake as ApiCodec<unknown, unknown>);
    if (handshakeVersion < 1) {
      throw new SaslAuthenticationError(this.broker, 'broker does not support SaslHandshake v1 (SaslAuthenticate framing)');
    }
    const hs = await this.send(SaslHandshake, { mechanism: sasl.mechanism }, { version: handshakeVersion });
    if (hs.errorCode === ErrorCode.UNSUPPORTED_SASL_MECHANISM) {
      throw new SaslAuthenticationError(
        this.broker,
        `mechanism ${sasl.mechanism} is not enabled; the broker offers ${hs.mechanisms.join(', ') || 'none'}`,
      );
    }
    if (hs.errorCode !== ErrorCode.NONE) throw new SaslAuthenticationError(this.broker, kafkaErrorInfo(hs.errorCode).message);

    if (sasl.mechanism === 'PLAIN') {
      await this.saslStep(Buffer.from(`\0${sasl.username}\0${sasl.password}`, 'utf8'));
      return;
    }
    const scram = new ScramClient(sasl.mechanism, sasl.username, sasl.password);
    try {
      const serverFirst = await this.saslStep(scram.firstMessage());
      const serverFinal = await this.saslStep(scram.finalMessage(serverFirst));
      scram.verifyServerFinal(serverFinal);
    } catch (err) {
      if (err instanceof ScramError) throw new SaslAuthenticationError(this.broker, err.message);
      throw err;
    }
  }

  private async saslStep(authBytes: Buffer): Promise<Buffer> {
    const res = await this.send(SaslAuthenticate, { authBytes });
    if (res.errorCode !== ErrorCode.NONE) {
      throw new SaslAuthenticationError(this.broker, res.errorMessage || kafkaErrorInfo(res.errorCode).message);
    }
    return res.authBytes;
  }
}

/**
 * ApiVersions responses always come with header v0; when the broker rejects
 * our version it answers in v0 format, so an UNSUPPORTED_VERSION body is
 * parsed as v0 whatever version was sent.
 */
function decodeApiVersionsResponse(r: Reader, version: number): ApiVersionsResponse {
  if (r.remaining >= 2 && r.buf.readInt16BE(r.offset) === ErrorCode.UNSUPPORTED_VERSION && version > 0) {
    return ApiVersions.decodeResponse(r, 0);
  }
  return ApiVersions.decodeResponse(r, version);
}

function apiName(apiKey: number): string {
  return apiCodecsByKey.get(apiKey)?.name ?? `API ${apiKey}`;
}
