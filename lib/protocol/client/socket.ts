/** Opening the TCP or TLS socket to a broker, with a connect timeout and readable errors. */
import net from 'node:net';
import tls from 'node:tls';
import { BrokerTimeoutError, ConnectionRefusedError } from './errors';

export interface TlsOptions {
  ca?: string | Buffer | Array<string | Buffer>;
  cert?: string | Buffer;
  key?: string | Buffer;
  passphrase?: string;
  /** Defaults to true; turn off only for self-signed development brokers. */
  rejectUnauthorized?: boolean;
  /** SNI / certificate host name; defaults to the broker host when it is a name. */
  servername?: string;
}

export interface SocketOptions {
  host: string;
  port: number;
  /** `true` for TLS with system CAs, or detailed options. */
  tls?: boolean | TlsOptions;
  connectTimeoutMs?: number;
}

export function describeSocketError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ECONNRESET':
      return 'connection reset by peer';
    default:
      return err.message;
  }
}

function isIp(host: string): boolean {
  return net.isIP(host) !== 0;
}

export function openSocket(options: SocketOptions): Promise<net.Socket> {
  const broker = `${options.host}:${options.port}`;
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    let socket: net.Socket;
    const readyEvent = options.tls ? 'secureConnect' : 'connect';
    if (options.tls) {
      const t = options.tls === true ? {} : options.tls;
      socket = tls.connect({
        host: options.host,
        port: options.port,
        ca: t.ca,
        cert: t.cert,
        key: t.key,
        passphrase: t.passphrase,
        rejectUnauthorized: t.rejectUnauthorized ?? true,
        servername: t.servername ?? (isIp(options.host) ? undefined : options.host),
      });
    } else {
      socket = net.connect({ host: options.host, port: options.port });
    }
    const timer = setTimeout(() => {
      cleanup();
      socket.destroy();
      reject(new BrokerTimeoutError(broker, 'Connecting', timeoutMs));
    }, timeoutMs);
    const onReady = (): void => {
      cleanup();
      resolve(socket);
    };
    const onError = (err: NodeJS.ErrnoException): void => {
      cleanup();
      socket.destroy();
      reject(new ConnectionRefusedError(broker, describeSocketError(err), { cause: err }));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off(readyEvent, onReady);
      socket.off('error', onError);
    };
    socket.once(readyEvent, onReady);
    socket.once('error', onError);
  });
}
