import 'server-only';
import { z } from 'zod';
import { ApiError, badRequest } from '@/lib/api/errors';
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

/** Parses a JSON body with a zod schema; malformed JSON or a bad field becomes a 400. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const text = await request.text();
    if (text.length > 10 * 1024 * 1024) throw badRequest('The request body is larger than 10 MB.');
    body = text ? JSON.parse(text) : {};
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw badRequest('The request body is not valid JSON.');
  }
  return parseWith(schema, body);
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
