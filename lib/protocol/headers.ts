/**
 * Request/response headers and size-prefixed frames.
 *
 * Header versions follow from whether the API version is flexible: request
 * header v2 / response header v1 for flexible versions, v1 / v0 otherwise.
 * ApiVersions responses always use response header v0 so that a client can
 * parse the answer even when it asked with a version the broker rejects.
 */
import type { ApiCodec } from './api-codec';
import { ProtocolError } from './errors';
import { apiCodecsByKey } from './generated';
import { RequestHeaderCodec } from './generated/request-header';
import { ResponseHeaderCodec } from './generated/response-header';
import { Reader } from './reader';
import { Writer } from './writer';

export const API_VERSIONS_KEY = 18;

/** Whether `apiVersion` of `apiKey` uses the flexible encoding; unknown APIs count as not flexible. */
export function isFlexibleVersion(apiKey: number, apiVersion: number): boolean {
  const codec = apiCodecsByKey.get(apiKey);
  return codec !== undefined && codec.flexibleVersion !== null && apiVersion >= codec.flexibleVersion;
}

export function requestHeaderVersion(apiKey: number, apiVersion: number): number {
  return isFlexibleVersion(apiKey, apiVersion) ? 2 : 1;
}

export function responseHeaderVersion(apiKey: number, apiVersion: number): number {
  if (apiKey === API_VERSIONS_KEY) return 0;
  return isFlexibleVersion(apiKey, apiVersion) ? 1 : 0;
}

export interface RequestHeaderInfo {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  /** The header version that was read (1 or 2). */
  headerVersion: number;
}

function finishFrame(w: Writer, sizeAt: number): Buffer {
  w.setInt32At(sizeAt, w.length - sizeAt - 4);
  return w.toBuffer();
}

/** A complete request frame: int32 size, request header, then the body written by `body`. */
export function encodeRequestFrame(
  apiKey: number,
  version: number,
  correlationId: number,
  clientId: string | null,
  body: (w: Writer) => void,
  initialCapacity = 256,
): Buffer {
  const w = new Writer(initialCapacity);
  const sizeAt = w.reserveInt32();
  RequestHeaderCodec.encode(w, requestHeaderVersion(apiKey, version), {
    requestApiKey: apiKey,
    requestApiVersion: version,
    correlationId,
    clientId,
  });
  body(w);
  return finishFrame(w, sizeAt);
}

/** Request frame whose body is `data` encoded by `codec`. */
export function encodeRequest<Req, Res>(
  codec: ApiCodec<Req, Res>,
  version: number,
  correlationId: number,
  clientId: string | null,
  data: Req,
): Buffer {
  return encodeRequestFrame(codec.apiKey, version, correlationId, clientId, (w) => codec.encodeRequest(w, version, data));
}

/**
 * Reads a request header from the start of a frame body (after the size
 * prefix). Leaves `r` positioned at the request body.
 */
export function decodeRequestHeader(r: Reader): RequestHeaderInfo {
  if (r.remaining < 8) throw new ProtocolError(`request header truncated: ${r.remaining} bytes`);
  const apiKey = r.buf.readInt16BE(r.offset);
  const apiVersion = r.buf.readInt16BE(r.offset + 2);
  const headerVersion = requestHeaderVersion(apiKey, apiVersion);
  const h = RequestHeaderCodec.decode(r, headerVersion);
  return { apiKey, apiVersion, correlationId: h.correlationId, clientId: h.clientId ?? null, headerVersion };
}

/** A complete response frame: int32 size, response header, then the body written by `body`. */
export function encodeResponseFrame(
  apiKey: number,
  version: number,
  correlationId: number,
  body: (w: Writer) => void,
  initialCapacity = 256,
): Buffer {
  const w = new Writer(initialCapacity);
  const sizeAt = w.reserveInt32();
  ResponseHeaderCodec.encode(w, responseHeaderVersion(apiKey, version), { correlationId });
  body(w);
  return finishFrame(w, sizeAt);
}

/** Response frame whose body is `data` encoded by `codec`. */
export function encodeResponse<Req, Res>(
  codec: ApiCodec<Req, Res>,
  version: number,
  correlationId: number,
  data: Res,
): Buffer {
  return encodeResponseFrame(codec.apiKey, version, correlationId, (w) => codec.encodeResponse(w, version, data));
}

/** Reads a response header for the given API version; leaves `r` at the response body. */
export function decodeResponseHeader(r: Reader, apiKey: number, apiVersion: number): { correlationId: number } {
  return ResponseHeaderCodec.decode(r, responseHeaderVersion(apiKey, apiVersion));
}
