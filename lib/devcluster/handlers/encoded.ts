import type { ApiCodec } from '@/lib/protocol/api-codec';
import { Writer } from '@/lib/protocol/writer';

/** A response body already encoded for one version (cached Metadata answers). */
export class EncodedBody {
  constructor(readonly bytes: Buffer) {}
}

/** Wraps a codec so handlers may return a pre-encoded body instead of an object. */
export function acceptEncoded<Req, Res>(codec: ApiCodec<Req, Res>): ApiCodec<Req, Res | EncodedBody> {
  return {
    apiKey: codec.apiKey,
    name: codec.name,
    minVersion: codec.minVersion,
    maxVersion: codec.maxVersion,
    flexibleVersion: codec.flexibleVersion,
    encodeRequest: (w, v, data) => codec.encodeRequest(w, v, data),
    decodeRequest: (r, v) => codec.decodeRequest(r, v),
    encodeResponse: (w, v, data) => (data instanceof EncodedBody ? void w.writeRaw(data.bytes) : codec.encodeResponse(w, v, data)),
    decodeResponse: (r, v) => codec.decodeResponse(r, v),
  };
}

export function encodeBody<Req, Res>(codec: ApiCodec<Req, Res>, version: number, data: Res): EncodedBody {
  const w = new Writer(64 * 1024);
  codec.encodeResponse(w, version, data);
  return new EncodedBody(Buffer.from(w.toBuffer()));
}
