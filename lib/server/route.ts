import 'server-only';
import { z } from 'zod';
import { ApiError, badRequest, forbidden, payloadTooLarge, unauthenticated } from '@/lib/api/errors';
import { Access, type Action, type Resource } from '@/lib/auth/access';
import { authenticate, hasMetricsToken, type Principal } from '@/lib/auth/principal';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { appConfig } from '@/lib/kafka/clusters';
import { toApiError } from '@/lib/kafka/errors';
import { registryApiError } from '@/lib/schemas/registry-client';
import { recordRefusal } from './refusals';
import { checkContentType, checkHost, checkOrigin } from './request-guard';
import { refreshedSessionCookie } from './session-cookies';

// Every route handler goes through route(): it refuses foreign hosts and cross-site requests,
// authenticates the caller, enforces the permission the route declares, and gives one JSON error
// shape and a fitting status for every failure, with a server log line (never the details) for
// the unexpected ones.

export type RouteParams = Record<string, string>;

/**
 * What a route needs. An action is checked against the `cluster` route parameter and, when the
 * route has one, its `topic` or `group`; `signed-in` routes filter their own answer by the
 * caller's access; `public` routes (sign-in itself) need nobody.
 */
export type RoutePermission = Action | 'signed-in' | 'public';

export interface RouteOptions {
  permission: RoutePermission;
  /** Also accept `Authorization: Bearer <CONSOLE_METRICS_TOKEN>` (for Prometheus). */
  metricsToken?: boolean;
  /** A top-level navigation back from another site (the OIDC callback, protected by its state). */
  crossSiteNavigation?: boolean;
  /** The audit action of a refused request (mutation() names its own). */
  auditAction?: string;
}

export interface RouteContext<P extends RouteParams> {
  params: P;
  request: Request;
  principal: Principal;
  /** Throws 403 unless the caller may take the action (on the resource, when given) in this route's cluster. */
  authorize(action: Action, resource?: Resource): void;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (request: Request, next: NextContext) => Promise<Response>;

const declaredPermissions = new WeakMap<object, RouteOptions>();

/** The permission a route handler declared; undefined for a handler not made by route() (tests fail on those). */
export function routePermission(handler: unknown): RouteOptions | undefined {
  return typeof handler === 'function' ? declaredPermissions.get(handler) : undefined;
}

/** The topics a group reads, for roles that grant groups by their topics; registered by lib/kafka/groups. */
let groupTopicsLoader: ((cluster: string, group: string) => Promise<readonly string[]>) | undefined;
export function setGroupTopicsLoader(loader: typeof groupTopicsLoader): void {
  groupTopicsLoader = loader;
}

export function route<P extends RouteParams = RouteParams>(
  permission: RoutePermission | RouteOptions,
  handler: (ctx: RouteContext<P>) => Promise<unknown>,
): RouteHandler {
  const options: RouteOptions = typeof permission === 'string' ? { permission } : permission;
  const wrapped: RouteHandler = async (request, next) => {
    let principal: Principal | undefined;
    try {
      const params = decodeParams((await next?.params) ?? {}) as P;
      const config = await appConfig();
      const foreignHost = checkHost(request, config);
      if (foreignHost) throw foreignHost;
      // Who is asking is known before the origin is judged, so a refusal names them in the audit.
      principal = await authenticate(request, config);
      const crossSite = options.crossSiteNavigation ? undefined : (checkOrigin(request, config) ?? checkContentType(request));
      if (crossSite) throw crossSite;
      if (!principal && options.metricsToken && hasMetricsToken(request, config)) principal = { name: 'metrics', method: 'metrics-token', access: metricsAccess() };
      if (!principal && options.permission !== 'public') throw unauthenticated();
      const caller = principal ?? { name: 'anonymous', method: 'anonymous', access: noAccess() };
      await enforce(options.permission, params, caller);
      const authorize = (action: Action, resource?: Resource) => {
        if (!caller.access.can(action, params.cluster ?? '', resource)) throw denied(action, params.cluster, resource);
      };
      const result = await handler({ params, request, principal: caller, authorize });
      const response = result instanceof Response ? result : Response.json(result ?? null, { headers: { 'cache-control': 'no-store' } });
      return await withRefreshedSession(response, request, principal);
    } catch (error) {
      const response = errorResponse(error, request);
      // A public route (sign-in) audits its own failures.
      if (!(options.permission === 'public' && response.status === 401)) await recordRefusal(request, response.status, error, principal, options.auditAction);
      return response;
    }
  };
  declaredPermissions.set(wrapped, options);
  return wrapped;
}

async function enforce(permission: RoutePermission, params: RouteParams, principal: Principal): Promise<void> {
  if (permission === 'public' || permission === 'signed-in') return;
  const { access } = principal;
  const cluster = params.cluster;
  if (cluster === undefined) {
    // Routes above the clusters (the metrics) filter per cluster themselves.
    return;
  }
  if (!access.canSomewhere(permission, cluster)) throw denied(permission, cluster);
  if (params.topic !== undefined && !access.canTopic(permission, cluster, params.topic)) throw denied(permission, cluster, { topic: params.topic });
  if (params.group !== undefined) {
    const topics = access.groupNeedsTopics(permission, cluster) && groupTopicsLoader ? await groupTopicsLoader(cluster, params.group).catch(() => []) : undefined;
    if (!access.can(permission, cluster, { group: params.group, topics })) throw denied(permission, cluster, { group: params.group });
  }
}

function denied(action: Action, cluster: string | undefined, resource?: Resource): ApiError {
  const what = !resource ? `cluster "${cluster}"` : 'topic' in resource ? `topic "${resource.topic}"` : `group "${resource.group}"`;
  return forbidden(`You do not have the ${action} permission on ${what}.`);
}

async function withRefreshedSession(response: Response, request: Request, principal: Principal | undefined): Promise<Response> {
  // A handler that sets a session of its own (sign-in) has the last word over the old one.
  if (!principal?.session || response.headers.get('set-cookie')?.includes(`${SESSION_COOKIE}=`)) return response;
  const cookie = await refreshedSessionCookie(request, principal.session);
  if (!cookie) return response;
  try {
    response.headers.append('set-cookie', cookie);
    return response;
  } catch {
    // Some responses (redirects) have immutable headers; the session simply refreshes next time.
    return response;
  }
}

const metricsAccess = () => new Access([{ name: 'metrics', clusters: ['*'], actions: ['view'] }]);
const noAccess = () => new Access([]);

/** What a failure answers: its ApiError, or a 500 `internal` (logged with the request) for an unexpected one. */
export function apiErrorFor(error: unknown, request?: Request): ApiError {
  const apiError = toApiError(error) ?? registryApiError(error) ?? (error instanceof z.ZodError ? zodToApiError(error) : undefined);
  if (apiError) return apiError;
  console.error(`[console] ${request?.method ?? ''} ${request ? new URL(request.url).pathname : ''} failed:`, error);
  return new ApiError(500, 'internal', 'Unexpected server error. The server log has the details.');
}

export function apiErrorResponse(apiError: ApiError): Response {
  return Response.json(apiError.toBody(), { status: apiError.status });
}

export function errorResponse(error: unknown, request?: Request): Response {
  return apiErrorResponse(apiErrorFor(error, request));
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
  /** The 413's message, when the route can say better why the body is too large. */
  tooLargeMessage?: string;
}

/** Parses a JSON body with a zod schema; malformed JSON or a bad field becomes a 400, an oversized body a 413. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S, options: BodyOptions = {}): Promise<z.infer<S>> {
  return parseWith(schema, await readJsonBody(request, options));
}

/** The JSON body, unvalidated (`{}` when empty), for handlers that also keep what was asked for. */
export async function readJsonBody(request: Request, { maxBytes = DEFAULT_MAX_BODY_BYTES, tooLargeMessage }: BodyOptions = {}): Promise<unknown> {
  const text = await readBodyText(request, maxBytes, tooLargeMessage);
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
export async function readBodyText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES, tooLargeMessage?: string): Promise<string> {
  const tooLarge = () => payloadTooLarge(tooLargeMessage ?? `The request body is larger than ${describeBytes(maxBytes)}.`);
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
