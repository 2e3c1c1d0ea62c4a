export type { DecodedView, DecoderInput, PayloadDecoder } from './types';
export { base64Decoder, hexDecoder, jsonDecoder, textDecoder, hexDump, toBase64, fromBase64, BINARY_VIEW_LIMIT } from './builtin';
export { AUTO, DecoderRegistry, decoders, decodePayload, payloadInput } from './registry';
export { cborDecoder, msgpackDecoder, schemaDecoder, jsonView } from './binary';
