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
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (error.status === 401 && error.code === 'unauthenticated') sendToSignIn(path);
    throw error;
  }
  const text = await response.text();
  return (text ? safeJson(text) : undefined) as T;
}

export function apiPost<T>(path: string, body: unknown, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST') {
  return apiFetch<T>(path, { method, body: JSON.stringify(body) });
}

/**
 * The server's ApiError rebuilt from a refused response. A body without the API's error shape
 * (a proxy's page, an empty answer) still gives a code by status and a message: the body's
 * text, or `what` failed with the status.
 */
export async function errorFromResponse(response: Response, what = 'Request'): Promise<ApiError> {
  const { status } = response;
  const body = errorBody((await response.text().catch(() => '')).trim());
  return new ApiError(
    status,
    body.code ?? (status >= 500 ? 'internal' : 'bad_request'),
    body.message ?? `${what} failed with status ${status}`,
    body.details,
  );
}

/** A session that ended (idle, expired, signed out elsewhere) takes the page to the sign-in form. */
function sendToSignIn(path: string) {
  if (typeof window === 'undefined' || path.startsWith('/api/auth/') || window.location.pathname === '/login') return;
  const next = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

function errorBody(text: string): Partial<ApiErrorBody> {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<ApiErrorBody>) : {};
  } catch {
    return { message: text.slice(0, 300) };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { code: 'internal', message: text.slice(0, 300) };
  }
}
