/** What a decoder gets: the bytes, and their text when they are valid UTF-8. */
export interface DecoderInput {
  bytes: Uint8Array;
  text: string | undefined;
  /** Only the first part of the payload is here (list views cut long values). */
  truncated: boolean;
  /** The server decoded the payload with its schema (Schema Registry wire format). */
  decoded?: { value: unknown };
  /** Why the server could not decode a wire-format payload. */
  schemaError?: string;
}

export type DecodedView =
  | { kind: 'json'; value: unknown; pretty: string }
  | { kind: 'text'; text: string }
  | { kind: 'hex'; text: string }
  | { kind: 'base64'; text: string }
  | { kind: 'error'; message: string };

/**
 * A way of showing a payload. `score` says how well it fits (0 = cannot decode it; the highest
 * score wins in "auto"), so a schema-registry decoder for Avro or Protobuf can be registered
 * beside the built-in ones and win for the payloads it recognises.
 */
export interface PayloadDecoder {
  id: string;
  label: string;
  score(input: DecoderInput): number;
  decode(input: DecoderInput): DecodedView;
}
