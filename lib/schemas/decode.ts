import 'server-only';
import type { ClusterConfig } from '@/lib/config/schema';
import { compileSchema, resolveReferences, type CompiledCodec, type JsonValue } from './codecs';
import { isRegistryFailure, REGISTRY_TIMEOUT_MS, registryFor, type SchemaRegistryClient } from './registry-client';
import type { SchemaType } from './types';
import { parseWireFrame } from './wire-format';

// Decoding of Confluent wire-format payloads with the cluster's registry. Looking a schema up is
// asynchronous and done once per id (compiled decoders are kept per registry, a bounded number);
// decoding itself is synchronous, so the readers' record loops call `decode` for ids they
// resolved with `prepare` beforehand. Nothing here throws into a reader: a registry that is
// down, slow or does not know the id, and bytes that do not decode, give `schemaError` instead.

export interface PayloadSchema {
  id: number;
  type: SchemaType;
  subject?: string;
  version?: number;
}

export type DecodedPayload =
  | { schema: PayloadSchema; value: JsonValue; warning?: string }
  | { schema?: PayloadSchema; schemaError: string };

/** Compiled schemas kept per registry; beyond it the oldest are dropped. */
const MAX_COMPILED = 1_000;
/** A failed lookup is tried again after this long. */
const RETRY_AFTER_MS = 10_000;

type Entry =
  | { state: 'ready'; schema: PayloadSchema; codec: CompiledCodec }
  | { state: 'failed'; schema?: PayloadSchema; reason: string; until: number }
  | { state: 'pending'; done: Promise<void> };

export class SchemaDecoding {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly client: SchemaRegistryClient) {}

  /** Looks up and compiles every id not known yet (failed ones again once their retry time passed). */
  async prepare(ids: Iterable<number>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry?.state === 'ready') continue;
      if (entry?.state === 'failed' && entry.until > Date.now()) continue;
      waits.push(entry?.state === 'pending' ? entry.done : this.load(id));
    }
    if (waits.length) await Promise.all(waits);
  }

  /** Undefined when the bytes are not a wire frame; otherwise the decoded value or why there is none. */
  decode(bytes: Uint8Array | null): DecodedPayload | undefined {
    if (!bytes) return undefined;
    const frame = parseWireFrame(bytes);
    if (!frame) return undefined;
    const entry = this.entries.get(frame.schemaId);
    if (!entry || entry.state === 'pending') return { schemaError: `schema id ${frame.schemaId} has not been looked up` };
    if (entry.state === 'failed') return entry.schema ? { schema: entry.schema, schemaError: entry.reason } : { schemaError: entry.reason };
    try {
      const { value, warning } = entry.codec.decode(frame.body);
      return warning ? { schema: entry.schema, value, warning } : { schema: entry.schema, value };
    } catch (error) {
      return { schema: entry.schema, schemaError: `does not decode with schema id ${frame.schemaId}: ${reason(error)}` };
    }
  }

  /** `prepare` then `decode`, for one payload. */
  async decodeOne(bytes: Uint8Array | null): Promise<DecodedPayload | undefined> {
    const frame = bytes ? parseWireFrame(bytes) : undefined;
    if (!frame) return undefined;
    await this.prepare([frame.schemaId]);
    return this.decode(bytes);
  }

  private load(id: number): Promise<void> {
    const done = withDeadline(this.compile(id), REGISTRY_TIMEOUT_MS + 1_000).then(
      (ready) => this.set(id, ready),
      (error: unknown) => this.set(id, { state: 'failed', reason: lookupReason(id, error), until: Date.now() + RETRY_AFTER_MS }),
    );
    this.set(id, { state: 'pending', done });
    return done;
  }

  private async compile(id: number): Promise<Entry> {
    const registered = await this.client.schemaById(id);
    const [references, where] = await Promise.all([
      resolveReferences(registered, (subject, version) => this.client.version(subject, version)),
      this.client.subjectVersionsForId(id).catch(() => []),
    ]);
    const first = [...where].sort((a, b) => a.subject.localeCompare(b.subject) || b.version - a.version)[0];
    const schema: PayloadSchema = { id, type: registered.schemaType, ...(first ? { subject: first.subject, version: first.version } : {}) };
    try {
      return { state: 'ready', schema, codec: compileSchema(registered, references) };
    } catch (error) {
      return { state: 'failed', schema, reason: `schema id ${id} cannot be used for decoding: ${reason(error)}`, until: Number.POSITIVE_INFINITY };
    }
  }

  private set(id: number, entry: Entry): void {
    this.entries.delete(id);
    if (this.entries.size >= MAX_COMPILED) this.entries.delete(this.entries.keys().next().value as number);
    this.entries.set(id, entry);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function lookupReason(id: number, error: unknown): string {
  if (isRegistryFailure(error, 'RegistryError') && error.status === 404) return `the schema registry does not know schema id ${id}`;
  return `schema id ${id} could not be looked up: ${reason(error)}`;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the schema registry did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const decodings = new WeakMap<SchemaRegistryClient, SchemaDecoding>();

/** The cluster's decoding (one per registry client), or undefined when it has no registry. */
export function schemaDecodingFor(cluster: ClusterConfig): SchemaDecoding | undefined {
  const client = registryFor(cluster);
  if (!client) return undefined;
  let decoding = decodings.get(client);
  if (!decoding) {
    decoding = new SchemaDecoding(client);
    decodings.set(client, decoding);
  }
  return decoding;
}

/** One payload of the cluster decoded with its schema; undefined when it is not in the wire format or there is no registry. */
export async function decodePayload(cluster: ClusterConfig, bytes: Uint8Array | null): Promise<DecodedPayload | undefined> {
  return schemaDecodingFor(cluster)?.decodeOne(bytes);
}
