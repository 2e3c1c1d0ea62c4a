// The HTTP face of the registry: node:http, Confluent's paths, media type and error bodies.
// Bodies are bounded, bad JSON gets an error body, and nothing a client sends can crash it.
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { errors, RegistryError } from './errors';
import type { SchemaRegistry } from './registry';
import { route } from './routes';

export const MEDIA_TYPE = 'application/vnd.schemaregistry.v1+json';
const ACCEPTED_BODIES = ['application/vnd.schemaregistry.v1+json', 'application/vnd.schemaregistry+json', 'application/json', 'application/octet-stream'];
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface HttpOptions {
  /** Basic-auth users; none means open. */
  users?: Record<string, string>;
  maxBodyBytes?: number;
}

export function createRegistryServer(registry: SchemaRegistry, options: HttpOptions = {}): http.Server {
  const users = Object.entries(options.users ?? {});
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return http.createServer((req, res) => {
    handle(registry, req, res, users, maxBody).catch((err: unknown) => {
      console.error('[devcluster] schema registry request failed', err);
      send(res, 500, { error_code: 50001, message: 'Error in the backend data store' });
    });
  });
}

async function handle(registry: SchemaRegistry, req: http.IncomingMessage, res: http.ServerResponse, users: [string, string][], maxBody: number): Promise<void> {
  if (users.length > 0 && !authorised(req.headers.authorization, users)) {
    res.setHeader('WWW-Authenticate', 'Basic realm="SchemaRegistry"');
    req.resume();
    return send(res, 401, { error_code: 401, message: 'Unauthorized' });
  }
  const url = new URL(req.url ?? '/', 'http://registry');
  try {
    const body = await readBody(req, maxBody);
    const result = route(registry, req.method ?? 'GET', url, body);
    send(res, 200, result);
  } catch (err) {
    if (err instanceof RegistryError) return send(res, err.status, { error_code: err.errorCode, message: err.message });
    throw err;
  }
}

function authorised(header: string | undefined, users: [string, string][]): boolean {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return false;
  const [user, password] = [decoded.slice(0, i), decoded.slice(i + 1)];
  return users.some(([u, p]) => u === user && safeEqual(p, password));
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The JSON body, undefined when there is none; refuses oversized, non-JSON media types and bad JSON. */
function readBody(req: http.IncomingMessage, maxBody: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      req.resume();
      return reject(new RegistryError(413, 413, `Request body larger than ${maxBody} bytes`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBody) {
        failed = true;
        chunks.length = 0;
        reject(new RegistryError(413, 413, `Request body larger than ${maxBody} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (err) => {
      if (!failed) reject(errors.badRequest(err.message));
      failed = true;
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type && !ACCEPTED_BODIES.includes(type)) return reject(new RegistryError(415, 415, `Unsupported media type ${type}`));
      try {
        resolve(JSON.parse(text));
      } catch (err) {
        reject(new RegistryError(422, 422, `Unrecognized JSON: ${(err as Error).message}`));
      }
    });
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': MEDIA_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
