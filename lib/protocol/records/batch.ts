/**
 * Kafka record batches (magic v2): encode, decode, cheap header reads and
 * in-place rewrites. Legacy message sets (magic 0/1) are decoded too, since
 * a fetch from an old topic may return them.
 *
 * The header layout and header-only reads are in ./batch-header, encoding in
 * ./batch-encode, decoding in ./batch-decode and ./legacy-messages.
 */
export {
  BATCH_HEADER_SIZE,
  BATCH_OFFSETS,
  COMPRESSION_MASK,
  CONTROL_BIT,
  LOG_OVERHEAD,
  TIMESTAMP_TYPE_BIT,
  TRANSACTIONAL_BIT,
  type BatchAttributes,
  type BatchHeader,
  type BatchRewrite,
  type TimestampType,
  batchSizeAt,
  readBatchHeader,
  readInt64,
  rewriteBatch,
  verifyBatchCrc,
} from './batch-header';
export { type ControlBatchInput, type RecordBatchInput, type RecordInput, encodeControlBatch, encodeRecordBatch } from './batch-encode';
export { type ControlType, type DecodeOptions, type DecodedBatch, type DecodedRecord, type RecordHeader, decodeRecordBatches } from './batch-decode';
