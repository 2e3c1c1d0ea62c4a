import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { Principal } from '@/lib/auth/principal';
import { recordAudit } from './audit';
import { clientAddress, proxyUser } from './client-address';
import { isSafeMethod } from './request-guard';

// Requests the route wrapper refused (foreign host, another site, not signed in, no permission)
// go to the audit log: a probe of the console shows up there, not only the changes it made.

const AUDITED_CODES = new Set(['forbidden', 'cross_origin', 'host_not_allowed', 'unsupported_media_type', 'unauthenticated']);

export async function recordRefusal(request: Request, status: number, error: unknown, principal: Principal | undefined, action?: string): Promise<void> {
  if (!(error instanceof ApiError) || !AUDITED_CODES.has(error.code)) return;
  // An expired session polling a page is not news; a write without one is.
  if (error.code === 'unauthenticated' && isSafeMethod(request.method)) return;
  const path = new URL(request.url).pathname;
  const cluster = /^\/api\/clusters\/([^/]+)/.exec(path)?.[1];
  await recordAudit({
    time: new Date().toISOString(),
    user: principal?.name ?? (await proxyUser(request)),
    clientAddress: await clientAddress(request),
    cluster: cluster ? safeDecode(cluster) : '*',
    action: action ?? `${request.method.toLowerCase()} ${path}`,
    target: path,
    outcome: 'refused',
    error: `${status} ${error.message}`,
    durationMs: 0,
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
