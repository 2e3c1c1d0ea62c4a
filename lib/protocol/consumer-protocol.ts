/**
 * The "consumer" group protocol payloads carried as opaque bytes in
 * JoinGroup member metadata and SyncGroup/DescribeGroups assignments:
 * an int16 version followed by the struct at that version.
 */
import { ProtocolError } from './errors';
import { type ConsumerProtocolAssignment, ConsumerProtocolAssignmentCodec } from './generated/consumer-protocol-assignment';
import { type ConsumerProtocolSubscription, ConsumerProtocolSubscriptionCodec } from './generated/consumer-protocol-subscription';
import { Reader } from './reader';
import { Writer } from './writer';
import type { DataCodec } from './api-codec';

export const CONSUMER_PROTOCOL_TYPE = 'consumer';

export interface Versioned<T> {
  version: number;
  data: T;
}

function encodeVersioned<T>(codec: DataCodec<T>, data: T, version: number): Buffer {
  const w = new Writer(64);
  w.writeInt16(version);
  codec.encode(w, version, data);
  return Buffer.from(w.toBuffer());
}

function decodeVersioned<T>(codec: DataCodec<T>, bytes: Buffer): Versioned<T> {
  const r = new Reader(bytes);
  const version = r.readInt16();
  if (version < 0) throw new ProtocolError(`${codec.name}: invalid version ${version}`);
  // Newer versions only append fields, so they are read with the newest format we know.
  // Some clients (kafkajs) stamp a version but write an older layout; older
  // layouts are prefixes of newer ones, so retry with fewer fields.
  let firstError: unknown;
  for (let v = Math.min(version, codec.maxVersion); v >= codec.minVersion; v--) {
    try {
      const data = codec.decode(new Reader(bytes, r.offset), v);
      return { version, data };
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      firstError ??= err;
    }
  }
  throw firstError;
}

export function encodeSubscription(data: ConsumerProtocolSubscription, version = ConsumerProtocolSubscriptionCodec.maxVersion): Buffer {
  return encodeVersioned(ConsumerProtocolSubscriptionCodec, data, version);
}

export function decodeSubscription(bytes: Buffer): Versioned<ConsumerProtocolSubscription> {
  return decodeVersioned(ConsumerProtocolSubscriptionCodec, bytes);
}

export function encodeAssignment(data: ConsumerProtocolAssignment, version = ConsumerProtocolAssignmentCodec.maxVersion): Buffer {
  return encodeVersioned(ConsumerProtocolAssignmentCodec, data, version);
}

/** Decodes an assignment; an empty buffer (a member with nothing assigned yet) yields null. */
export function decodeAssignment(bytes: Buffer): Versioned<ConsumerProtocolAssignment> | null {
  if (bytes.length === 0) return null;
  return decodeVersioned(ConsumerProtocolAssignmentCodec, bytes);
}
