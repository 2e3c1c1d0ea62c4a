import { ApiError, type ApiErrorBody } from './errors';

/**
 * Browser-side JSON fetch. A non-2xx answer is rebuilt as the server's ApiError and thrown,
 * so a 4xx is never mistaken for data.
 */
export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers },
    });
  } catch {
    throw new ApiError(503, 'cluster_unreachable', 'The console server cannot be reached.');
  }
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const err = body as Partial<ApiErrorBody> | undefined;
    if (response.status === 401 && err?.code === 'unauthenticated') sendToSignIn(path);
    throw new ApiError(
      response.status,
      err?.code ?? (response.status >= 500 ? 'internal' : 'bad_request'),
      err?.message ?? `Request failed with status ${response.status}`,
      err?.details,
    );
  }
  return body as T;
}

export function apiPost<T>(path: string, body: unknown, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST') {
  return apiFetch<T>(path, { method, body: JSON.stringify(body) });
}

/** A session that ended (idle, expired, signed out elsewhere) takes the page to the sign-in form. */
function sendToSignIn(path: string) {
  if (typeof window === 'undefined' || path.startsWith('/api/auth/') || window.location.pathname === '/login') return;
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { code: 'internal', message: text.slice(0, 300) };
  }
}
