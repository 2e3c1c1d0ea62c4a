import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import type { ApiCodec } from '@/lib/protocol/api-codec';
import { FrameDecoder } from '@/lib/protocol/framing';
import { decodeResponseHeader, encodeRequest } from '@/lib/protocol/headers';
import { Reader } from '@/lib/protocol/reader';

export const KCAT = '/usr/bin/kcat';
export const hasKcat = fs.existsSync(KCAT);

/** Runs kcat without blocking the event loop (the cluster lives in this process). */
export function kcat(args: string[], input?: string | Buffer, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(KCAT, args, { encoding: 'buffer', timeout: timeoutMs, maxBuffer: 512 * 1024 * 1024 }, (err, out, errOut) => {
      if (err) reject(new Error(`kcat ${args.join(' ')} failed: ${errOut.toString() || err.message}`));
      else resolve(out.toString('utf8'));
    });
    child.stdin?.end(input ?? '');
  });
}

/** Whether something accepts TCP connections at `host:port` (a stopped broker must not). */
export function portOpen(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const s = net.connect({ host, port: Number(port) });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A bare protocol connection for requests kafkajs cannot make and for hostile bytes. */
export class RawConnection {
  private readonly decoder = new FrameDecoder();
  private readonly frames: Buffer[] = [];
  private waiter: (() => void) | null = null;
  private correlation = 0;
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk) => {
      for (const f of this.decoder.push(chunk)) this.frames.push(f);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => {});
  }

  static connect(address: string): Promise<RawConnection> {
    const [host, port] = address.split(':');
    return new Promise((resolve, reject) => {
      const s = net.connect({ host, port: Number(port) }, () => resolve(new RawConnection(s)));
      s.once('error', reject);
    });
  }

  write(bytes: Buffer): void {
    if (!this.closed) this.socket.write(bytes);
  }

  /** Next response frame, or null when the broker closed the connection. */
  async nextFrame(timeoutMs = 5000): Promise<Buffer | null> {
    const end = Date.now() + timeoutMs;
    while (this.frames.length === 0 && !this.closed) {
      const left = end - Date.now();
      if (left <= 0) throw new Error('no response');
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiter = () => {
          clearTimeout(t);
          r();
        };
      });
      this.waiter = null;
    }
    return this.frames.shift() ?? null;
  }

  async request<Req, Res>(codec: ApiCodec<Req, Res>, version: number, data: Req): Promise<Res> {
    const id = ++this.correlation;
    this.write(encodeRequest(codec, version, id, 'raw-test', data));
    const frame = await this.nextFrame();
    if (!frame) throw new Error('connection closed');
    const r = new Reader(frame);
    const h = decodeResponseHeader(r, codec.apiKey, version);
    if (h.correlationId !== id) throw new Error(`correlation ${h.correlationId} != ${id}`);
    return codec.decodeResponse(r, version);
  }

  close(): void {
    this.socket.destroy();
  }
}
