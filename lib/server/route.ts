import 'server-only';
import { z } from 'zod';
import { ApiError, badRequest, payloadTooLarge } from '@/lib/api/errors';
import { toApiError } from '@/lib/kafka/errors';

// Every route handler goes through route(): one JSON error shape and a fitting status for every
// failure, and a server log line (never the details) for the unexpected ones.

export type RouteParams = Record<string, string>;
export interface RouteContext<P extends RouteParams> {
  params: P;
  request: Request;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

export function route<P extends RouteParams = RouteParams>(
  handler: (ctx: RouteContext<P>) => Promise<unknown>,
): (request: Request, next: NextContext) => Promise<Response> {
  return async (request, next) => {
    try {
      const params = decodeParams((await next?.params) ?? {}) as P;
      const result = await handler({ params, request });
      if (result instanceof Response) return result;
      return Response.json(result ?? null, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

export function errorResponse(error: unknown, request?: Request): Response {
  const apiError = toApiError(error) ?? (error instanceof z.ZodError ? zodToApiError(error) : undefined);
  if (apiError) return Response.json(apiError.toBody(), { status: apiError.status });
  console.error(`[console] ${request?.method ?? ''} ${request ? new URL(request.url).pathname : ''} failed:`, error);
  const internal = new ApiError(500, 'internal', 'Unexpected server error. The server log has the details.');
  return Response.json(internal.toBody(), { status: 500 });
}

/** Parses the query string with a zod schema; problems become a 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return parseWith(schema, params);
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface BodyOptions {
  /** Larger bodies are refused with a 413 before they are held in memory; default 10 MB. */
  maxBytes?: number;
}

/** Parses a JSON body with a zod schema; malformed JSON or a bad field becomes a 400, an oversized body a 413. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S, options: BodyOptions = {}): Promise<z.infer<S>> {
  return parseWith(schema, await readJsonBody(request, options));
}

/** The JSON body, unvalidated (`{}` when empty), for handlers that also keep what was asked for. */
export async function readJsonBody(request: Request, { maxBytes = DEFAULT_MAX_BODY_BYTES }: BodyOptions = {}): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

/**
 * The body as text, counted in bytes while it streams in: a declared content-length over the cap
 * is refused before reading, and a body without one (chunked) is cut off as soon as it passes it.
 */
export async function readBodyText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => payloadTooLarge(`The request body is larger than ${describeBytes(maxBytes)}.`);
  if (Number(request.headers.get('content-length')) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw badRequest('The request body could not be read.');
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToApiError(parsed.error);
  return parsed.data;
}

export function zodToApiError(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const [first] = Object.entries(fields);
  const message = first ? (first[0] === '_' ? first[1] : `${first[0]}: ${first[1]}`) : 'Invalid input';
  return badRequest(message, { fields });
}

function decodeParams(raw: Record<string, string | string[]>): RouteParams {
  const out: RouteParams = {};
  for (const [k, v] of Object.entries(raw)) out[k] = Array.isArray(v) ? v.join('/') : v;
  return out;
}
