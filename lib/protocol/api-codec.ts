import type { Reader } from './reader';
import type { Writer } from './writer';

/**
 * Encoder/decoder pair for one Kafka API across all of its versions.
 * Methods are declared as methods (not function properties) so specific
 * codecs stay assignable to `ApiCodec<unknown, unknown>` in lookup tables.
 */
export interface ApiCodec<Req, Res> {
  readonly apiKey: number;
  readonly name: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  /** First flexible (compact + tagged fields) version, or null if none. */
  readonly flexibleVersion: number | null;
  encodeRequest(w: Writer, version: number, data: Req): void;
  decodeRequest(r: Reader, version: number): Req;
  encodeResponse(w: Writer, version: number, data: Res): void;
  decodeResponse(r: Reader, version: number): Res;
}

/** Codec for a versioned structure that is not an API (headers, consumer protocol payloads). */
export interface DataCodec<T> {
  readonly name: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  readonly flexibleVersion: number | null;
  encode(w: Writer, version: number, data: T): void;
  decode(r: Reader, version: number): T;
}

export type RequestOf<C> = C extends ApiCodec<infer Req, unknown> ? Req : never;
export type ResponseOf<C> = C extends ApiCodec<unknown, infer Res> ? Res : never;
