/**
 * A minimal Kafka-speaking TCP server for client tests, built on the
 * protocol codecs: ApiVersions, Metadata, Heartbeat (used as a controllable
 * echo), SaslHandshake and SaslAuthenticate with a server-side SCRAM.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { FrameDecoder } from '@/lib/protocol/framing';
import { ApiVersions, Heartbeat, Metadata, Produce, type ProduceRequest, SaslAuthenticate, SaslHandshake, apiCodecsByKey } from '@/lib/protocol/generated';
import { decodeRequestHeader, encodeResponse } from '@/lib/protocol/headers';
import { Reader } from '@/lib/protocol/reader';

export interface TestBrokerOptions {
  nodeId?: number;
  /** Advertised API ranges; defaults to every generated codec's full range. */
  versions?: Map<number, [number, number]>;
  /** Highest ApiVersions version understood; above it the broker answers UNSUPPORTED_VERSION in v0 format. */
  maxApiVersionsVersion?: number;
  /** KIP-511: list the supported ApiVersions range in the UNSUPPORTED_VERSION answer. */
  listVersionsOnReject?: boolean;
  /** Users for SASL; SASL is required when set. */
  users?: Record<string, string>;
  mechanisms?: string[];
  /** Write each response in chunks of this many bytes. */
  chunkSize?: number;
  /** Other brokers to advertise in Metadata. */
  peers?: () => Array<{ nodeId: number; host: string; port: number }>;
  tls?: { key: string; cert: string };
}

interface ScramState {
  mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
  step: 'first' | 'final' | 'done';
  user?: string;
  clientFirstBare?: string;
  serverFirst?: string;
  nonce?: string;
  salted?: Buffer;
}

export interface TestBroker {
  port: number;
  nodeId: number;
  /** [apiKey, version] of every request received, in order. */
  requests: Array<[number, number]>;
  /** Produce requests received, decoded. */
  produced: ProduceRequest[];
  /** Heartbeat responses held back by `holdHeartbeats`, flushed as one write by `flush()`. */
  holdHeartbeats: boolean;
  flush(reverse?: boolean): void;
  /** Destroys every open client socket. */
  dropConnections(): void;
  close(): Promise<void>;
}

const HASH = { 'SCRAM-SHA-256': ['sha256', 32], 'SCRAM-SHA-512': ['sha512', 64] } as const;

export async function startTestBroker(options: TestBrokerOptions = {}): Promise<TestBroker> {
  const nodeId = options.nodeId ?? 1;
  const sockets = new Set<net.Socket>();
  const held: Array<{ socket: net.Socket; frame: Buffer }> = [];
  const versions = options.versions ?? new Map([...apiCodecsByKey.values()].map((c) => [c.apiKey, [c.minVersion, c.maxVersion] as [number, number]]));

  const broker: TestBroker = {
    port: 0,
    nodeId,
    requests: [],
    produced: [],
    holdHeartbeats: false,
    flush(reverse = false) {
      const frames = held.splice(0);
      if (reverse) frames.reverse();
      const bySocket = new Map<net.Socket, Buffer[]>();
      for (const { socket, frame } of frames) bySocket.set(socket, [...(bySocket.get(socket) ?? []), frame]);
      for (const [socket, list] of bySocket) socket.write(Buffer.concat(list));
    },
    dropConnections() {
      for (const s of sockets) s.destroy();
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };

  const send = (socket: net.Socket, frame: Buffer): void => {
    if (!options.chunkSize) {
      socket.write(frame);
      return;
    }
    for (let i = 0; i < frame.length; i += options.chunkSize) socket.write(frame.subarray(i, i + options.chunkSize));
  };

  const onConnection = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const frames = new FrameDecoder();
    let authenticated = !options.users;
    let scram: ScramState | null = null;
    let plain = false;

    socket.on('data', (chunk: Buffer) => {
      for (const frame of frames.push(chunk)) {
        const r = new Reader(frame);
        const h = decodeRequestHeader(r);
        broker.requests.push([h.apiKey, h.apiVersion]);
        const v = h.apiVersion;
        if (h.apiKey === ApiVersions.apiKey) {
          if (v > (options.maxApiVersionsVersion ?? ApiVersions.maxVersion)) {
            const apiKeys = options.listVersionsOnReject ? [{ apiKey: 18, minVersion: 0, maxVersion: options.maxApiVersionsVersion ?? 0 }] : [];
            send(socket, encodeResponse(ApiVersions, 0, h.correlationId, { errorCode: 35, apiKeys }));
            continue;
          }
          ApiVersions.decodeRequest(r, v);
          const apiKeys = [...versions].map(([apiKey, [minVersion, maxVersion]]) => ({ apiKey, minVersion, maxVersion }));
          send(socket, encodeResponse(ApiVersions, v, h.correlationId, { errorCode: 0, apiKeys, throttleTimeMs: 0 }));
        } else if (h.apiKey === SaslHandshake.apiKey) {
          const req = SaslHandshake.decodeRequest(r, v);
          const mechanisms = options.mechanisms ?? ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];
          const ok = mechanisms.includes(req.mechanism);
          if (ok && req.mechanism.startsWith('SCRAM')) scram = { mechanism: req.mechanism as ScramState['mechanism'], step: 'first' };
          plain = ok && req.mechanism === 'PLAIN';
          send(socket, encodeResponse(SaslHandshake, v, h.correlationId, { errorCode: ok ? 0 : 33, mechanisms }));
        } else if (h.apiKey === SaslAuthenticate.apiKey) {
          const req = SaslAuthenticate.decodeRequest(r, v);
          const reply = (authBytes: Buffer, error?: string): void =>
            send(socket, encodeResponse(SaslAuthenticate, v, h.correlationId, { errorCode: error ? 58 : 0, errorMessage: error ?? null, authBytes }));
          if (plain) {
            const [, user, password] = req.authBytes.toString('utf8').split('\0');
            authenticated = options.users?.[user] === password;
            reply(Buffer.alloc(0), authenticated ? undefined : 'Authentication failed: Invalid username or password');
          } else if (scram) {
            const result = scramStep(scram, req.authBytes.toString('utf8'), options.users ?? {});
            if (scram.step === 'done' && !result.error) authenticated = true;
            reply(Buffer.from(result.message ?? ''), result.error);
          } else {
            reply(Buffer.alloc(0), 'handshake first');
          }
        } else if (!authenticated) {
          socket.destroy();
        } else if (h.apiKey === Metadata.apiKey) {
          const me = { nodeId, host: '127.0.0.1', port: broker.port, rack: null };
          const brokers = [me, ...(options.peers?.() ?? []).map((p) => ({ ...p, rack: null }))];
          send(socket, encodeResponse(Metadata, v, h.correlationId, { brokers, clusterId: 'test-cluster', controllerId: nodeId, topics: [] }));
        } else if (h.apiKey === Produce.apiKey) {
          const req = Produce.decodeRequest(r, v);
          broker.produced.push(req);
          if (req.acks === 0) continue;
          const responses = req.topicData.map((t) => ({
            name: t.name,
            partitionResponses: t.partitionData.map((p) => ({ index: p.index, errorCode: 0, baseOffset: 0 })),
          }));
          send(socket, encodeResponse(Produce, v, h.correlationId, { responses, throttleTimeMs: 0 }));
        } else if (h.apiKey === Heartbeat.apiKey) {
          const req = Heartbeat.decodeRequest(r, v);
          if (req.groupId === 'never') continue;
          const frameOut = encodeResponse(Heartbeat, v, h.correlationId, { errorCode: req.generationId % 100, throttleTimeMs: 0 });
          if (broker.holdHeartbeats) held.push({ socket, frame: frameOut });
          else send(socket, frameOut);
        } else {
          socket.destroy();
        }
      }
    });
  };

  const server = options.tls ? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, onConnection) : net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  broker.port = (server.address() as net.AddressInfo).port;
  return broker;
}

/** Server side of SCRAM (RFC 5802), written against node:crypto directly. */
function scramStep(state: ScramState, message: string, users: Record<string, string>): { message?: string; error?: string } {
  const [hash, keyLength] = HASH[state.mechanism];
  const hmac = (key: Buffer, data: string): Buffer => createHmac(hash, key).update(data).digest();
  const attrs = (s: string): Map<string, string> => new Map(s.split(',').map((p) => [p[0], p.slice(2)]));
  if (state.step === 'first') {
    if (!message.startsWith('n,,')) return { error: 'bad gs2 header' };
    state.clientFirstBare = message.slice(3);
    const a = attrs(state.clientFirstBare);
    state.user = a.get('n');
    const password = users[state.user ?? ''];
    const salt = randomBytes(16);
    state.nonce = `${a.get('r')}${randomBytes(12).toString('base64url')}`;
    // Unknown users still get a plausible challenge, as Kafka does.
    state.salted = pbkdf2Sync(Buffer.from(password ?? randomBytes(8).toString('hex')), salt, 4096, keyLength, hash);
    state.serverFirst = `r=${state.nonce},s=${salt.toString('base64')},i=4096`;
    state.step = 'final';
    return { message: state.serverFirst };
  }
  state.step = 'done';
  const a = attrs(message);
  const proof = Buffer.from(a.get('p') ?? '', 'base64');
  if (a.get('r') !== state.nonce || a.get('c') !== 'biws' || !state.salted) return { error: 'Authentication failed: invalid nonce' };
  const withoutProof = message.slice(0, message.indexOf(',p='));
  const authMessage = `${state.clientFirstBare},${state.serverFirst},${withoutProof}`;
  const storedKey = createHash(hash).update(hmac(state.salted, 'Client Key')).digest();
  const signature = hmac(storedKey, authMessage);
  if (proof.length !== signature.length) return { error: 'Authentication failed during authentication due to invalid credentials' };
  const clientKey = Buffer.from(proof.map((b, i) => b ^ signature[i]));
  const recovered = createHash(hash).update(clientKey).digest();
  if (!timingSafeEqual(recovered, storedKey)) {
    return { error: `Authentication failed during authentication due to invalid credentials with SASL mechanism ${state.mechanism}` };
  }
  return { message: `v=${hmac(hmac(state.salted, 'Server Key'), authMessage).toString('base64')}` };
}
