// One error shape at the API boundary, shared by route handlers and the browser fetcher.

export type ApiErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'cross_origin'
  | 'host_not_allowed'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'read_only'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'broker_error'
  | 'unsupported_by_cluster'
  | 'cluster_unreachable'
  | 'timeout'
  | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Field errors use `{ fields: { fieldName: message } }`; anything else is free-form. */
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  /** Field-level messages for forms, when the server named fields. */
  get fieldErrors(): Record<string, string> {
    const fields = (this.details as { fields?: unknown } | undefined)?.fields;
    return fields && typeof fields === 'object' ? (fields as Record<string, string>) : {};
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);
export const fieldError = (field: string, message: string) =>
  new ApiError(400, 'bad_request', message, { fields: { [field]: message } });
export const unauthenticated = (message = 'Sign in to use the console.') => new ApiError(401, 'unauthenticated', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const crossOrigin = (message: string) => new ApiError(403, 'cross_origin', message);
export const hostNotAllowed = (message: string) => new ApiError(421, 'host_not_allowed', message);
export const unsupportedMediaType = (message: string) => new ApiError(415, 'unsupported_media_type', message);
export const tooManyRequests = (message: string) => new ApiError(429, 'too_many_requests', message);
export const readOnly = (message: string) => new ApiError(403, 'read_only', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
export const unprocessable = (message: string, details?: unknown) =>
  new ApiError(422, 'unprocessable', message, details);
export const payloadTooLarge = (message: string) => new ApiError(413, 'payload_too_large', message);
/** The cluster's brokers do not offer an API the action needs (too old, or not KRaft). */
export const unsupportedByCluster = (message: string, details?: unknown) => new ApiError(501, 'unsupported_by_cluster', message, details);
export const clusterUnreachable = (message: string) => new ApiError(503, 'cluster_unreachable', message);
export const gatewayTimeout = (message: string) => new ApiError(504, 'timeout', message);
