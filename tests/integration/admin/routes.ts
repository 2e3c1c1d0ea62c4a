import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { callRoute } from '@/tests/support/console';

// Finds every API route of the app and every method that can change something, so the read-only
// and fuzz tests cover routes added later without anyone remembering to list them.

export type Handler = Parameters<typeof callRoute>[0];
export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface DiscoveredRoute {
  /** e.g. "clusters/[cluster]/topics/[topic]/configs PATCH" */
  id: string;
  path: string;
  segments: string[];
  method: (typeof WRITE_METHODS)[number];
  handler: Handler;
  /** The audit action when the handler was made with mutation(). */
  action: string | undefined;
}

/**
 * Write methods that change nothing and may run on a read-only cluster, each with the reason.
 * Anything else that is not made with mutation() fails the read-only test.
 */
export const NON_MUTATING: Record<string, string> = {
  'clusters/[cluster]/groups/[group]/reset-offsets/preview POST': 'computes a reset plan; commits nothing',
  'clusters/[cluster]/schemas/[subject]/compatibility-check POST': 'asks the registry for a verdict; registers nothing',
  'clusters/[cluster]/replicas/elect-leaders/preview POST': 'lists what an election would move; elects nothing',
};

/** Write routes that act on a cluster; sign-in and sign-out (under auth/) change only the caller's session. */
export async function discoverWriteRoutes(root = join(process.cwd(), 'app', 'api')): Promise<DiscoveredRoute[]> {
  const { mutationAction } = await import('@/lib/server/mutation');
  const out: DiscoveredRoute[] = [];
  for (const file of routeFiles(root)) {
    const path = relative(root, file).split(sep).slice(0, -1).join('/');
    if (path.startsWith('auth/')) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const method of WRITE_METHODS) {
      const handler = mod[method];
      if (typeof handler !== 'function') continue;
      out.push({ id: `${path} ${method}`, path, segments: path.split('/'), method, handler: handler as Handler, action: mutationAction(handler) });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export const METHODS = ['GET', ...WRITE_METHODS] as const;

export interface RouteHandlerEntry {
  /** e.g. "clusters/[cluster]/topics GET" */
  id: string;
  path: string;
  segments: string[];
  method: (typeof METHODS)[number];
  /** What the module exports under the method's name (a route handler, or anything else by mistake). */
  handler: unknown;
}

/** Every exported method of every API route, reads included (the permission test walks them all). */
export async function discoverRouteHandlers(root = join(process.cwd(), 'app', 'api')): Promise<RouteHandlerEntry[]> {
  const out: RouteHandlerEntry[] = [];
  for (const file of routeFiles(root)) {
    const path = relative(root, file).split(sep).slice(0, -1).join('/');
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const method of METHODS) {
      if (method in mod) out.push({ id: `${path} ${method}`, path, segments: path.split('/'), method, handler: mod[method] });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** URL params for a route: the dynamic segments filled from `values`, others get "x". */
export function paramsFor(route: Pick<DiscoveredRoute, 'segments'>, values: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const s of route.segments) {
    const m = /^\[(?:\.\.\.)?([^\]]+)\]$/.exec(s);
    if (m) params[m[1]] = values[m[1]] ?? 'x';
  }
  return params;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [path] : [];
  });
}
