import net from 'node:net';
import type { ApiCodec } from '@/lib/protocol/api-codec';
import { FrameDecoder } from '@/lib/protocol/framing';
import { decodeRequestHeader, encodeResponseFrame, type RequestHeaderInfo } from '@/lib/protocol/headers';
import type { ProduceResponse } from '@/lib/protocol/generated';
import { Reader } from '@/lib/protocol/reader';
import type { DevCluster } from './cluster';
import { KafkaError } from './errors';
import { ErrorCode } from '@/lib/protocol/errors';
import { errorResponseFor } from './error-responses';
import { handlerTable } from './handlers';
import { apiVersionsFallback } from './handlers/api-versions';
import type { BrokerInfo, ConnectionState, Handler, HandlerContext } from './handlers/types';

const API_VERSIONS = 18;
const SASL_HANDSHAKE = 17;
const SASL_AUTHENTICATE = 36;
const PRODUCE = 0;
/** Requests queued on one connection before it stops being read. */
const PAUSE_AT = 64;
const RESUME_BELOW = 8;

let connectionSeq = 0;

/**
 * One broker's TCP listener. Requests on a connection are handled one at a time and answered in
 * order, as Kafka does. Malformed frames close that connection only; nothing thrown here may
 * reach the process.
 */
export class BrokerServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly cluster: DevCluster,
    private readonly broker: BrokerInfo,
  ) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.once('error', onError);
      this.server.listen({ port, host: this.broker.host, exclusive: true }, () => {
        this.server.off('error', onError);
        // Only once listening: a failed listen (EADDRINUSE) is the caller's to report, not a stack trace here.
        this.server.on('error', (err) => console.error(`[devcluster] broker ${this.broker.nodeId} listener error`, err));
        resolve((this.server.address() as net.AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const connection: ConnectionState = {
      id: ++connectionSeq,
      remoteAddress: socket.remoteAddress ?? '',
      clientId: null,
      saslMechanism: null,
      principal: null,
      authenticated: this.cluster.users.size === 0,
      saslState: null,
    };
    const ctx: HandlerContext = { cluster: this.cluster, broker: this.broker, connection };
    const decoder = new FrameDecoder(this.cluster.maxFrameBytes);
    const queue: Buffer[] = [];
    let busy = false;

    const drain = async () => {
      if (busy) return;
      busy = true;
      try {
        while (queue.length > 0 && !socket.destroyed) {
          const frame = queue.shift() as Buffer;
          const out = await this.handleFrame(ctx, frame);
          if (out === 'close') {
            socket.destroy();
            return;
          }
          // A client that does not read its responses is not read from either (Kafka mutes it).
          if (out && !socket.destroyed && !socket.write(out)) {
            await new Promise<void>((resolve) => {
              const done = () => {
                socket.off('drain', done);
                socket.off('close', done);
                resolve();
              };
              socket.on('drain', done);
              socket.on('close', done);
            });
          }
          if (socket.isPaused() && queue.length < RESUME_BELOW) socket.resume();
        }
      } catch (err) {
        console.error('[devcluster] request failed', err);
        socket.destroy();
      } finally {
        busy = false;
      }
    };

    socket.on('data', (chunk: Buffer) => {
      try {
        for (const frame of decoder.push(chunk)) queue.push(frame);
        if (queue.length >= PAUSE_AT) socket.pause();
      } catch {
        socket.destroy();
        return;
      }
      void drain();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  /** Returns the response frame, null for no response (acks=0), or 'close' to drop the connection. */
  private async handleFrame(ctx: HandlerContext, frame: Buffer): Promise<Buffer | null | 'close'> {
    const r = new Reader(frame);
    let header: RequestHeaderInfo;
    try {
      header = decodeRequestHeader(r);
    } catch {
      return 'close';
    }
    const { apiKey, apiVersion: version, correlationId } = header;
    if (ctx.connection.clientId === null) ctx.connection.clientId = header.clientId;
    if (apiKey === API_VERSIONS && version > handlerTable.get(API_VERSIONS)!.maxVersion) {
      // Kafka answers an ApiVersions it cannot parse in v0 so the client can retry with a version it knows.
      return encodeResponseFrame(API_VERSIONS, 0, correlationId, (w) => apiVersionsFallback(w));
    }
    const handler = handlerTable.get(apiKey) as Handler<unknown, unknown> | undefined;
    if (!handler) return 'close';
    if (!ctx.connection.authenticated && apiKey !== API_VERSIONS && apiKey !== SASL_HANDSHAKE && apiKey !== SASL_AUTHENTICATE) {
      return 'close';
    }
    const codec = handler.codec as ApiCodec<unknown, unknown>;
    const codecCanDecode = version >= codec.minVersion && version <= codec.maxVersion;
    let request: unknown;
    if (codecCanDecode) {
      try {
        request = codec.decodeRequest(r, version);
      } catch {
        return 'close';
      }
    }
    if (version < handler.minVersion || version > handler.maxVersion) {
      return this.errorFrame(codec, version, correlationId, request, codecCanDecode, ErrorCode.UNSUPPORTED_VERSION);
    }
    let response: unknown;
    try {
      response = await handler.handle(ctx, request, version);
    } catch (err) {
      if (apiKey === PRODUCE && (request as { acks: number }).acks === 0) return 'close';
      const code = err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
      if (!(err instanceof KafkaError)) console.error(`[devcluster] ${codec.name} v${version} failed`, err);
      return this.errorFrame(codec, version, correlationId, request, true, code);
    }
    if (apiKey === PRODUCE && (request as { acks: number }).acks === 0) {
      // With acks=0 the client never reads an answer; like Kafka, a failure closes the connection so it notices.
      const failed = (response as ProduceResponse).responses.some((t) => t.partitionResponses.some((p) => p.errorCode !== ErrorCode.NONE));
      return failed ? 'close' : null;
    }
    try {
      return encodeResponseFrame(apiKey, version, correlationId, (w) => codec.encodeResponse(w, version, response), 1024);
    } catch (err) {
      console.error(`[devcluster] cannot encode ${codec.name} v${version} response`, err);
      return 'close';
    }
  }

  /**
   * An error answer in the request's own version. When the version is beyond what the codec
   * knows there is no layout to fill, so the body is just the error code, like ApiVersions v0.
   */
  private errorFrame(codec: ApiCodec<unknown, unknown>, version: number, correlationId: number, request: unknown, decodable: boolean, code: number): Buffer | 'close' {
    if (decodable) {
      const body = errorResponseFor(codec.apiKey, request, code);
      if (body !== null) {
        try {
          return encodeResponseFrame(codec.apiKey, version, correlationId, (w) => codec.encodeResponse(w, version, body));
        } catch {
          // Fall through to the minimal form.
        }
      }
    }
    return encodeResponseFrame(codec.apiKey, Math.min(version, codec.maxVersion), correlationId, (w) => w.writeInt16(code));
  }
}
