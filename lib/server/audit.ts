import 'server-only';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditEntry } from '@/lib/api/audit';
import { appConfig, getCluster } from '@/lib/kafka/clusters';
import { produceAuditEntry } from '@/lib/server/audit-topic';
import { rotateIfNeeded } from './audit-files';
import { redactMessage, redactParameters, sensitiveValues } from './audit-redact';

export type { AuditEntry, AuditOutcome } from '@/lib/api/audit';

// The audit log: one JSON line per mutation, appended to a file (CONSOLE_AUDIT_FILE, default
// .data/audit.log) so it survives restarts, and also produced to a Kafka topic when one is
// configured (CONSOLE_AUDIT_TOPIC). The file is written first and always: when the topic cannot
// be reached the entry is still on disk, and the audit page reads the file. The file rotates
// before it would pass audit.maxBytes, keeping audit.keepFiles older files (audit-files.ts).

let writes: Promise<void> = Promise.resolve();
let topicWrites: Promise<void> = Promise.resolve();
let pendingTopicWrites = 0;
const MAX_PENDING_TOPIC_WRITES = 1000;

export async function recordAudit(raw: AuditEntry, sensitiveConfigs: ReadonlySet<string> = new Set()): Promise<void> {
  const entry: AuditEntry = {
    ...raw,
    parameters: raw.parameters === undefined ? undefined : redactParameters(raw.parameters, sensitiveConfigs),
    error: redactMessage(raw.error, sensitiveValues(raw.parameters, sensitiveConfigs)),
  };
  const { audit } = await appConfig();
  const line = `${JSON.stringify(entry)}\n`;
  // Appends are chained so concurrent mutations never interleave within a line.
  writes = writes.catch(() => undefined).then(async () => {
    await mkdir(dirname(audit.file), { recursive: true });
    await rotateIfNeeded(audit.file, Buffer.byteLength(line), audit);
    await appendFile(audit.file, line, 'utf8');
  });
  await writes.catch((error) => console.error('[console] audit log write failed:', error));
  if (audit.topic) queueTopicWrite(audit.topic, audit.cluster, entry);
}

/** Waits until every queued write (file and topic) has finished; for tests and shutdown. */
export async function flushAudit(): Promise<void> {
  await writes.catch(() => undefined);
  await topicWrites.catch(() => undefined);
}

function queueTopicWrite(topic: string, auditCluster: string | undefined, entry: AuditEntry) {
  // A slow or unreachable audit cluster must not hold up mutations or grow memory: the entry is
  // in the file already, so beyond a backlog the topic copy is dropped (and said so).
  if (pendingTopicWrites >= MAX_PENDING_TOPIC_WRITES) {
    console.error(`[console] audit topic "${topic}" is ${pendingTopicWrites} entries behind; this entry is only in the audit file.`);
    return;
  }
  pendingTopicWrites++;
  topicWrites = topicWrites
    .catch(() => undefined)
    .then(async () => {
      const clusterId = await topicCluster(auditCluster, entry.cluster);
      if (!clusterId) return;
      await produceAuditEntry(clusterId, topic, `${entry.cluster}/${entry.target}`, entry);
    })
    .catch((error) =>
      console.error(`[console] audit topic "${topic}" write failed (the entry is in the audit file):`, (error as Error).message ?? error),
    )
    .finally(() => {
      pendingTopicWrites--;
    });
}

/**
 * The cluster that holds the audit topic: the configured one, else the cluster acted upon unless
 * the console treats it as read-only (then the console does not write to it at all).
 */
async function topicCluster(configured: string | undefined, actedUpon: string): Promise<string | undefined> {
  if (configured) return configured;
  const config = await appConfig();
  const cluster = await getCluster(actedUpon).catch(() => undefined);
  if (!cluster || cluster.readOnly || config.readOnly) return undefined;
  return cluster.id;
}
