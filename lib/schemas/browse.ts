import 'server-only';
import { conflict, fieldError, notFound, unprocessable } from '@/lib/api/errors';
import type { Registered, SchemaVersionRow, SubjectDetail, SubjectsAnswer } from '@/lib/api/schemas';
import type { Access } from '@/lib/auth/access';
import { getCluster } from '@/lib/kafka/clusters';
import { getMetadata } from '@/lib/kafka/metadata';
import { mapLimit } from '@/lib/map-limit';
import { isRegistryFailure, registryFor, type RegistryError, type SchemaRegistryClient } from './registry-client';
import type { NewSchema } from './types';
import { topicsUsing, USAGE_NOTE } from './usage';

// The schema browser's server side: what the routes under /schemas answer, built from the
// registry and the cluster's topic list.

/**
 * Whether the registry answered this status. Checked by name, not instanceof: the client is kept
 * per process in globalThis, so it may come from another server bundle with its own class.
 */
export function isRegistryStatus(error: unknown, status: number): error is RegistryError {
  return isRegistryFailure(error, 'RegistryError') && error.status === status;
}

/** How many subjects' latest versions are fetched at once. */
const LIST_CONCURRENCY = 8;

export async function registryOf(clusterId: string): Promise<SchemaRegistryClient | undefined> {
  return registryFor(await getCluster(clusterId));
}

export async function requireRegistry(clusterId: string): Promise<SchemaRegistryClient> {
  const registry = await registryOf(clusterId);
  if (!registry) throw notFound(`Cluster "${clusterId}" has no schema registry configured.`);
  return registry;
}

/**
 * Topic names the caller may see. The metadata is cached; when a subject names a topic the cache
 * lacks, it is read once more fresh (the topic may be newer than the cache). An unreachable
 * cluster only costs the usage column.
 */
async function visibleTopics(clusterId: string, access: Access, subjects: readonly string[]): Promise<Set<string>> {
  const read = async (fresh: boolean) => {
    const meta = await getMetadata(clusterId, fresh);
    return new Set(meta.topics.map((t) => t.name).filter((name) => access.canTopic('view', clusterId, name)));
  };
  try {
    const cached = await read(false);
    const named = subjects.map((s) => /^(.+)-(?:key|value)$/.exec(s)?.[1]).filter((t): t is string => t !== undefined);
    return named.every((t) => cached.has(t) || !access.canTopic('view', clusterId, t)) ? cached : await read(true);
  } catch {
    return new Set();
  }
}


export async function listSubjects(clusterId: string, access: Access): Promise<SubjectsAnswer> {
  const registry = await registryOf(clusterId);
  if (!registry) return { registry: null, subjects: [] };
  const [subjects, globalLevel] = await Promise.all([registry.subjects(), registry.compatibility()]);
  const topics = await visibleTopics(clusterId, access, subjects);
  const rows = await mapLimit([...subjects].sort(), LIST_CONCURRENCY, async (subject) => {
    const [latest, versions, own] = await Promise.all([registry.version(subject, 'latest'), registry.versions(subject), registry.ownCompatibility(subject)]);
    return {
      subject,
      schemaType: latest.schemaType,
      latestVersion: latest.version,
      latestId: latest.id,
      compatibility: own ?? globalLevel,
      versionCount: versions.length,
      topics: topicsUsing(subject, topics),
    };
  });
  return { registry: { url: registry.displayUrl }, subjects: rows };
}

export async function subjectDetail(clusterId: string, subject: string, deleted: boolean, access: Access): Promise<SubjectDetail> {
  const registry = await requireRegistry(clusterId);
  const all = await registry.versions(subject, { deleted: true }).catch(notFoundAsSubject(subject));
  const live = new Set(await registry.versions(subject).catch(() => [] as number[]));
  const shown = deleted ? all : all.filter((v) => live.has(v));
  if (shown.length === 0) throw notFound(`Subject "${subject}" does not exist${deleted ? '' : ' (or only has deleted versions)'}.`);
  const versions: SchemaVersionRow[] = await mapLimit(shown, LIST_CONCURRENCY, async (n) => {
    const v = await registry.version(subject, n, { deleted: true });
    return { version: v.version, id: v.id, schemaType: v.schemaType, schema: v.schema, references: v.references, deleted: !live.has(n) };
  });
  const latest = versions[versions.length - 1];
  const [level, own, topics, referencingIds] = await Promise.all([
    registry.compatibility(subject),
    registry.ownCompatibility(subject),
    visibleTopics(clusterId, access, [subject]),
    registry.referencedBy(subject, latest.version).catch(() => [] as number[]),
  ]);
  const referencedBy = await mapLimit(referencingIds.slice(0, 100), LIST_CONCURRENCY, async (id) => ({
    id,
    subjects: await registry.subjectVersionsForId(id).catch(() => []),
  }));
  return {
    registry: { url: registry.displayUrl },
    subject,
    versions,
    referencedBy,
    compatibility: { level, own: own !== undefined },
    topics: topicsUsing(subject, topics),
    usageNote: USAGE_NOTE,
  };
}

function notFoundAsSubject(subject: string) {
  return (error: unknown): never => {
    if (isRegistryStatus(error, 404)) throw notFound(`Subject "${subject}" does not exist.`);
    throw error;
  };
}

/** A schema the registry cannot parse names the field it came from. */
function invalidSchemaAsField(error: unknown): never {
  if (isRegistryStatus(error, 422)) {
    throw unprocessable(`schema: ${error.message}`, { fields: { schema: error.message }, registryCode: error.errorCode });
  }
  throw error;
}

export async function checkSchema(clusterId: string, subject: string, schema: NewSchema) {
  const registry = await requireRegistry(clusterId);
  const level = await registry.compatibility(subject);
  const hasVersions = (await registry.versions(subject).catch(() => [] as number[])).length > 0;
  // A new subject has nothing to be compatible with, but the schema must still parse.
  if (!hasVersions) {
    await registry.lookup(subject, schema).catch((error: unknown) => {
      if (isRegistryStatus(error, 404)) return undefined;
      return invalidSchemaAsField(error);
    });
    return { compatible: true, messages: [], level };
  }
  const verdict = await registry.checkCompatibility(subject, schema, 'latest').catch(invalidSchemaAsField);
  return { ...verdict, level };
}

export async function registerSchema(clusterId: string, subject: string, schema: NewSchema): Promise<Registered & { compatibility: string }> {
  const registry = await requireRegistry(clusterId);
  const verdict = await checkSchema(clusterId, subject, schema);
  if (!verdict.compatible && verdict.level !== 'NONE') {
    throw conflict(`The schema is not ${verdict.level} compatible with the latest version${verdict.messages.length ? `: ${verdict.messages[0]}` : '.'}`, {
      messages: verdict.messages,
      level: verdict.level,
    });
  }
  const { id } = await registry.register(subject, schema).catch(invalidSchemaAsField);
  const { version } = await registry.lookup(subject, schema);
  return { id, version, compatibility: verdict.level };
}

export function assertConfirmed(subject: string, confirm: string): void {
  if (confirm !== subject) throw fieldError('confirm', `Type the subject name exactly ("${subject}") to confirm the deletion.`);
}

