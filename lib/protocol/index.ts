/**
 * Kafka wire protocol: reader/writer, generated codecs, headers and framing,
 * record batches. The network client lives in ./client (server-side only).
 */
export type { ApiCodec, DataCodec, RequestOf, ResponseOf } from './api-codec';
export * from './consumer-protocol';
export * from './errors';
export * from './framing';
export * from './generated';
export * from './headers';
export { Reader } from './reader';
export * from './records/batch';
export * from './records/compression';
export { crc32c } from './records/crc32c';
export { Writer, sizeOfUnsignedVarInt, sizeOfVarInt, sizeOfVarLong } from './writer';
