import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { ApiError, conflict, gatewayTimeout, notFound, unprocessable } from '@/lib/api/errors';
import type { ClusterConfig, SchemaRegistryConfig } from '@/lib/config/schema';
import type { CompatibilityLevel, NewSchema, RegisteredSchema, SchemaReference, SchemaType, SubjectVersion } from './types';

// A client for the Confluent Schema Registry REST API (also served by Karapace, Redpanda and
// Apicurio's ccompat API). Schemas by id are cached for the life of the process: the registry
// never changes what an id means. Credentials stay here: they are sent as a header and appear
// in no error message.

/** How long one registry call may take; a slow registry must not hold a message page. */
export const REGISTRY_TIMEOUT_MS = 5_000;
/** A registry answer larger than this is refused rather than buffered. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Schemas kept by id; beyond it the oldest are dropped (and fetched again when needed). */
const MAX_CACHED_SCHEMAS = 10_000;
/** A failed lookup by id is remembered this long, so a page of messages waits for it once. */
const FAILURE_MEMORY_MS = 10_000;

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/** The registry answered with an error; `errorCode` is Confluent's (40401 subject not found …). */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

interface RawSchema {
  id?: number;
  subject?: string;
  version?: number;
  schemaType?: SchemaType;
  schema: string;
  references?: SchemaReference[];
}

export class SchemaRegistryClient {
  private readonly byId = new Map<number, Promise<RegisteredSchema>>();
  private readonly failures = new Map<number, { error: unknown; until: number }>();
  private readonly origin: URL;

  constructor(
    private readonly config: SchemaRegistryConfig,
    private readonly tlsFiles: { ca?: string; cert?: string; key?: string } = {},
  ) {
    this.origin = new URL(config.url.endsWith('/') ? config.url : `${config.url}/`);
  }

  /** The registry's address without credentials, for messages and the UI. */
  get displayUrl(): string {
    return `${this.origin.protocol}//${this.origin.host}${this.origin.pathname.replace(/\/$/, '')}`;
  }

  schemaById(id: number): Promise<RegisteredSchema> {
    const failed = this.failures.get(id);
    if (failed && failed.until > Date.now()) return Promise.reject(failed.error);
    let pending = this.byId.get(id);
    if (!pending) {
      pending = this.get<RawSchema>(`schemas/ids/${id}`).then((raw) => toRegistered(raw, id));
      pending.catch((error: unknown) => {
        this.byId.delete(id);
        this.failures.set(id, { error, until: Date.now() + FAILURE_MEMORY_MS });
      });
      if (this.byId.size >= MAX_CACHED_SCHEMAS) this.byId.delete(this.byId.keys().next().value as number);
      this.byId.set(id, pending);
    }
    return pending;
  }

  /** The subjects and versions registered with this id. */
  subjectVersionsForId(id: number): Promise<{ subject: string; version: number }[]> {
    return this.get(`schemas/ids/${id}/versions`);
  }

  subjects(options: { deleted?: boolean } = {}): Promise<string[]> {
    return this.get(`subjects${options.deleted ? '?deleted=true' : ''}`);
  }

  versions(subject: string, options: { deleted?: boolean } = {}): Promise<number[]> {
    return this.get(`subjects/${enc(subject)}/versions${options.deleted ? '?deleted=true' : ''}`);
  }

  async version(subject: string, version: number | 'latest', options: { deleted?: boolean } = {}): Promise<SubjectVersion> {
    const raw = await this.get<RawSchema>(`subjects/${enc(subject)}/versions/${version}${options.deleted ? '?deleted=true' : ''}`);
    return { ...toRegistered(raw, raw.id ?? 0), subject: raw.subject ?? subject, version: raw.version ?? 0 };
  }

  /** Ids of the schemas that reference this version. */
  referencedBy(subject: string, version: number): Promise<number[]> {
    return this.get(`subjects/${enc(subject)}/versions/${version}/referencedby`);
  }

  /** The level that applies to the subject (its own, else the global one); the global one without a subject. */
  async compatibility(subject?: string): Promise<CompatibilityLevel> {
    const path = subject ? `config/${enc(subject)}?defaultToGlobal=true` : 'config';
    const answer = await this.get<{ compatibilityLevel?: CompatibilityLevel; compatibility?: CompatibilityLevel }>(path);
    return (answer.compatibilityLevel ?? answer.compatibility ?? 'BACKWARD') as CompatibilityLevel;
  }

  /** Whether the subject has a level of its own (not inherited from the global one). */
  async ownCompatibility(subject: string): Promise<CompatibilityLevel | undefined> {
    try {
      const answer = await this.get<{ compatibilityLevel?: CompatibilityLevel }>(`config/${enc(subject)}`);
      return answer.compatibilityLevel;
    } catch (error) {
      if (error instanceof RegistryError && error.status === 404) return undefined;
      throw error;
    }
  }

  async setCompatibility(level: CompatibilityLevel, subject?: string): Promise<void> {
    await this.send('PUT', subject ? `config/${enc(subject)}` : 'config', { compatibility: level });
  }

  /** Returns the subject to the global level. */
  async clearCompatibility(subject: string): Promise<void> {
    await this.send('DELETE', `config/${enc(subject)}`);
  }

  /** The registry's verdict for a candidate against one version or (`all`) every version. */
  async checkCompatibility(subject: string, schema: NewSchema, against: number | 'latest' | 'all' = 'latest'): Promise<{ compatible: boolean; messages: string[] }> {
    const path = against === 'all' ? `compatibility/subjects/${enc(subject)}/versions?verbose=true` : `compatibility/subjects/${enc(subject)}/versions/${against}?verbose=true`;
    const answer = await this.send<{ is_compatible: boolean; messages?: string[] }>('POST', path, wireSchema(schema));
    return { compatible: answer.is_compatible, messages: answer.messages ?? [] };
  }

  /** Registers the schema under the subject; an identical one already there returns its id. */
  register(subject: string, schema: NewSchema): Promise<{ id: number }> {
    return this.send('POST', `subjects/${enc(subject)}/versions`, wireSchema(schema));
  }

  /** The version under which the subject already holds this schema. */
  async lookup(subject: string, schema: NewSchema): Promise<SubjectVersion> {
    const raw = await this.send<RawSchema>('POST', `subjects/${enc(subject)}`, wireSchema(schema));
    return { ...toRegistered(raw, raw.id ?? 0), subject: raw.subject ?? subject, version: raw.version ?? 0 };
  }

  /** Soft delete (the versions stay readable with ?deleted=true), or permanent after a soft one. Returns the deleted versions. */
  deleteSubject(subject: string, permanent: boolean): Promise<number[]> {
    return this.send('DELETE', `subjects/${enc(subject)}${permanent ? '?permanent=true' : ''}`);
  }

  deleteVersion(subject: string, version: number, permanent: boolean): Promise<number> {
    return this.send('DELETE', `subjects/${enc(subject)}/versions/${version}${permanent ? '?permanent=true' : ''}`);
  }

  private get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  private send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.origin);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { accept: `${CONTENT_TYPE}, application/json` };
    if (payload) {
      headers['content-type'] = CONTENT_TYPE;
      headers['content-length'] = String(payload.length);
    }
    const { basicAuth, bearerToken } = this.config;
    if (basicAuth) headers.authorization = `Basic ${Buffer.from(`${basicAuth.username}:${basicAuth.password}`).toString('base64')}`;
    else if (bearerToken) headers.authorization = `Bearer ${bearerToken}`;
    const transport = url.protocol === 'https:' ? https : http;
    const tls = url.protocol === 'https:' ? { ca: this.tlsFiles.ca, cert: this.tlsFiles.cert, key: this.tlsFiles.key, rejectUnauthorized: !this.config.tls?.skipVerify } : {};
    return new Promise<T>((resolve, reject) => {
      const req = transport.request(url, { method, headers, timeout: REGISTRY_TIMEOUT_MS, ...tls }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            req.destroy(new Error(`the schema registry's answer is larger than ${MAX_RESPONSE_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            reject(new RegistryError(502, undefined, `The schema registry answered ${status} with a body that is not JSON.`));
            return;
          }
          if (status >= 200 && status < 300) resolve(parsed as T);
          else reject(registryError(status, parsed));
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new RegistryTimeout()));
      req.on('error', (error) => reject(error instanceof RegistryTimeout ? error : new RegistryUnreachable(this.displayUrl, error)));
      req.end(payload);
    });
  }
}

export class RegistryTimeout extends Error {
  constructor() {
    super(`The schema registry did not answer within ${REGISTRY_TIMEOUT_MS / 1000} s.`);
    this.name = 'RegistryTimeout';
  }
}

export class RegistryUnreachable extends Error {
  constructor(url: string, cause: Error) {
    super(`The schema registry at ${url} cannot be reached: ${(cause as NodeJS.ErrnoException).code ?? cause.message}.`);
    this.name = 'RegistryUnreachable';
  }
}

function registryError(status: number, body: unknown): RegistryError {
  const b = (body ?? {}) as { error_code?: number; message?: string };
  if (status === 401 || status === 403) return new RegistryError(status, b.error_code, `The schema registry refused the console's credentials (${status}).`);
  return new RegistryError(status, b.error_code, b.message ?? `The schema registry answered ${status}.`);
}

/**
 * An error of this module, by name: pages and route handlers are separate bundles with their own
 * copies of these classes, while the client (cached on globalThis) may come from either, so
 * `instanceof` cannot be trusted here.
 */
export function isRegistryFailure<K extends 'RegistryError' | 'RegistryTimeout' | 'RegistryUnreachable'>(error: unknown, name: K): error is K extends 'RegistryError' ? RegistryError : Error {
  return error instanceof Error && error.name === name;
}

/** The registry's failures as the console's HTTP errors. */
export function registryApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (isRegistryFailure(error, 'RegistryTimeout')) return gatewayTimeout(error.message);
  if (isRegistryFailure(error, 'RegistryUnreachable')) return new ApiError(503, 'cluster_unreachable', error.message);
  if (!isRegistryFailure(error, 'RegistryError')) return undefined;
  if (error.status === 404) return notFound(error.message);
  if (error.status === 409) return conflict(error.message, { registryCode: error.errorCode });
  if (error.status === 422) return unprocessable(error.message, { registryCode: error.errorCode });
  return new ApiError(502, 'broker_error', `Schema registry: ${error.message}`);
}

function toRegistered(raw: RawSchema, id: number): RegisteredSchema {
  return { id: raw.id ?? id, schemaType: raw.schemaType ?? 'AVRO', schema: raw.schema, references: raw.references ?? [] };
}

/** Confluent leaves schemaType out for Avro; some registries refuse it there. */
function wireSchema(s: NewSchema): Record<string, unknown> {
  return { ...(s.schemaType === 'AVRO' ? {} : { schemaType: s.schemaType }), schema: s.schema, ...(s.references?.length ? { references: s.references } : {}) };
}

function enc(subject: string): string {
  return encodeURIComponent(subject);
}

const globalKey = Symbol.for('kafka-console.schema-registries');
type GlobalWithClients = typeof globalThis & { [globalKey]?: Map<string, SchemaRegistryClient> };

/** The cluster's registry client (one per cluster and process), or undefined when none is configured. */
export function registryFor(cluster: ClusterConfig): SchemaRegistryClient | undefined {
  if (!cluster.schemaRegistry) return undefined;
  const g = globalThis as GlobalWithClients;
  const clients = (g[globalKey] ??= new Map());
  let client = clients.get(cluster.id);
  if (!client) {
    client = new SchemaRegistryClient(cluster.schemaRegistry, cluster.schemaRegistryTlsFiles);
    clients.set(cluster.id, client);
  }
  return client;
}
