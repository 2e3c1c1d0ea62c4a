// Confluent Schema Registry's REST paths, mapped onto the registry's operations.
import { errors, RegistryError } from './errors';
import { SCHEMA_TYPES } from './schema-types';
import type { SchemaInput, SchemaRegistry } from './registry';
import type { SchemaValue } from './records';

type Handler = (registry: SchemaRegistry, params: string[], query: URLSearchParams, body: unknown) => unknown;

const flag = (q: URLSearchParams, name: string) => q.get(name) === 'true';

function input(body: unknown): SchemaInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new RegistryError(422, 422, 'The request body must be a JSON object');
  return body as SchemaInput;
}

/** A version as Confluent shows it: schemaType and references only when they say something. */
function show(v: SchemaValue): Record<string, unknown> {
  const out: Record<string, unknown> = { subject: v.subject, version: v.version, id: v.id };
  if (v.schemaType && v.schemaType !== 'AVRO') out.schemaType = v.schemaType;
  if (v.references && v.references.length > 0) out.references = v.references;
  out.schema = v.schema;
  return out;
}

function schemaId(raw: string): number {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(id)) throw errors.schemaNotFound();
  return id;
}

function field(body: unknown, ...names: string[]): unknown {
  const o = input(body) as Record<string, unknown>;
  for (const n of names) if (o[n] !== undefined) return o[n];
  return undefined;
}

const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/$/, () => ({})],
  ['GET', /^\/schemas\/types$/, () => [...SCHEMA_TYPES]],
  ['GET', /^\/schemas\/ids\/([^/]+)$/, (r, [id], q) => {
    const v = r.schemaById(schemaId(id), q.get('subject') ?? undefined);
    const out: Record<string, unknown> = { schema: v.schema };
    if (v.schemaType && v.schemaType !== 'AVRO') out.schemaType = v.schemaType;
    if (v.references && v.references.length > 0) out.references = v.references;
    return out;
  }],
  ['GET', /^\/schemas\/ids\/([^/]+)\/schema$/, (r, [id], q) => JSON.parse(r.schemaById(schemaId(id), q.get('subject') ?? undefined).schema) as unknown],
  ['GET', /^\/schemas\/ids\/([^/]+)\/versions$/, (r, [id], q) => r.idVersions(schemaId(id), flag(q, 'deleted'))],
  ['GET', /^\/schemas\/ids\/([^/]+)\/subjects$/, (r, [id], q) => [...new Set(r.idVersions(schemaId(id), flag(q, 'deleted')).map((v) => v.subject))]],
  ['GET', /^\/subjects$/, (r, _, q) => r.subjects(flag(q, 'deleted'), q.get('subjectPrefix') ?? '')],
  ['GET', /^\/subjects\/([^/]+)\/versions$/, (r, [s], q) => r.versionNumbers(s, flag(q, 'deleted'))],
  ['POST', /^\/subjects\/([^/]+)\/versions$/, (r, [s], _, body) => ({ id: r.register(s, input(body)) })],
  ['GET', /^\/subjects\/([^/]+)\/versions\/([^/]+)$/, (r, [s, v], q) => show(r.version(s, v, flag(q, 'deleted')))],
  ['GET', /^\/subjects\/([^/]+)\/versions\/([^/]+)\/schema$/, (r, [s, v], q) => JSON.parse(r.version(s, v, flag(q, 'deleted')).schema) as unknown],
  ['GET', /^\/subjects\/([^/]+)\/versions\/([^/]+)\/referencedby$/, (r, [s, v]) => r.referencedBy(s, v)],
  ['DELETE', /^\/subjects\/([^/]+)\/versions\/([^/]+)$/, (r, [s, v], q) => r.deleteVersion(s, v, flag(q, 'permanent'))],
  ['POST', /^\/subjects\/([^/]+)$/, (r, [s], q, body) => show(r.lookup(s, input(body), flag(q, 'deleted')))],
  ['DELETE', /^\/subjects\/([^/]+)$/, (r, [s], q) => r.deleteSubject(s, flag(q, 'permanent'))],
  ['POST', /^\/compatibility\/subjects\/([^/]+)\/versions\/([^/]+)$/, (r, [s, v], q, body) => verbose(r.testCompatibility(s, v, input(body)), flag(q, 'verbose'))],
  ['POST', /^\/compatibility\/subjects\/([^/]+)\/versions$/, (r, [s], q, body) => verbose(r.testCompatibility(s, null, input(body)), flag(q, 'verbose'))],
  ['GET', /^\/config$/, (r) => ({ compatibilityLevel: r.config(null, true) })],
  ['PUT', /^\/config$/, (r, _, __, body) => ({ compatibility: r.setConfig(null, field(body, 'compatibility', 'compatibilityLevel')) })],
  ['DELETE', /^\/config$/, (r) => ({ compatibilityLevel: r.deleteConfig(null) })],
  ['GET', /^\/config\/([^/]+)$/, (r, [s], q) => ({ compatibilityLevel: r.config(s, flag(q, 'defaultToGlobal')) })],
  ['PUT', /^\/config\/([^/]+)$/, (r, [s], _, body) => ({ compatibility: r.setConfig(s, field(body, 'compatibility', 'compatibilityLevel')) })],
  ['DELETE', /^\/config\/([^/]+)$/, (r, [s]) => ({ compatibilityLevel: r.deleteConfig(s) })],
  ['GET', /^\/mode$/, (r) => ({ mode: r.mode(null, true) })],
  ['PUT', /^\/mode$/, (r, _, q, body) => ({ mode: r.setMode(null, field(body, 'mode'), flag(q, 'force')) })],
  ['GET', /^\/mode\/([^/]+)$/, (r, [s], q) => ({ mode: r.mode(s, flag(q, 'defaultToGlobal')) })],
  ['PUT', /^\/mode\/([^/]+)$/, (r, [s], q, body) => ({ mode: r.setMode(s, field(body, 'mode'), flag(q, 'force')) })],
  ['DELETE', /^\/mode\/([^/]+)$/, (r, [s]) => ({ mode: r.deleteMode(s) })],
];

function verbose(result: { is_compatible: boolean; messages: string[] }, wanted: boolean): unknown {
  return wanted ? result : { is_compatible: result.is_compatible };
}

export function route(registry: SchemaRegistry, method: string, url: URL, body: unknown): unknown {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  let pathMatched = false;
  for (const [m, pattern, handler] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (m !== method) continue;
    let params: string[];
    try {
      params = match.slice(1).map((p) => decodeURIComponent(p));
    } catch {
      throw errors.badRequest('Malformed percent-encoding in the path');
    }
    return handler(registry, params, url.searchParams, body);
  }
  if (pathMatched) throw new RegistryError(405, 405, 'HTTP 405 Method Not Allowed');
  throw new RegistryError(404, 404, 'HTTP 404 Not Found');
}
