import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { AuditEntry } from '@/lib/api/audit';
import { startConsoleUnderTest, type ConsoleUnderTest } from '@/tests/support/console';

// Shared set-up of the topic-admin route tests: the console under test, a kafkajs admin that
// checks what really happened on the cluster, and a full snapshot to prove "nothing changed".

export interface AdminTestContext {
  console: ConsoleUnderTest;
  kafka: Kafka;
  admin: Admin;
  close(): Promise<void>;
}

export async function startAdminTest(options: { readOnly?: boolean; brokerConfigs?: Record<string, string> } = {}): Promise<AdminTestContext> {
  const consoleUnderTest = await startConsoleUnderTest(options);
  const kafka = new Kafka({ clientId: 'admin-test', brokers: consoleUnderTest.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  return {
    console: consoleUnderTest,
    kafka,
    admin,
    close: async () => {
      await admin.disconnect().catch(() => undefined);
      await consoleUnderTest.close();
    },
  };
}

export interface ClusterSnapshot {
  topics: Record<string, { partitions: number; replicas: number[][]; configs: Record<string, string>; offsets: string[] }>;
  groups: Record<string, string[]>;
}

/** Every topic with its layout, overrides and offsets, and every group's committed offsets. */
export async function snapshotCluster(admin: Admin): Promise<ClusterSnapshot> {
  const names = (await admin.listTopics()).sort();
  const topics: ClusterSnapshot['topics'] = {};
  if (names.length) {
    const meta = await admin.fetchTopicMetadata({ topics: names });
    const described = await admin.describeConfigs({ includeSynonyms: false, resources: names.map((name) => ({ type: 2, name })) });
    for (const t of meta.topics) {
      const entries = described.resources.find((r) => r.resourceName === t.name)?.configEntries ?? [];
      const offsets = await admin.fetchTopicOffsets(t.name);
      topics[t.name] = {
        partitions: t.partitions.length,
        replicas: t.partitions.sort((a, b) => a.partitionId - b.partitionId).map((p) => p.replicas),
        configs: Object.fromEntries(entries.filter((e) => !e.isDefault && e.configSource === 1).map((e) => [e.configName, e.configValue])),
        offsets: offsets.sort((a, b) => a.partition - b.partition).map((o) => `${o.partition}:${o.low}-${o.high}`),
      };
    }
  }
  const groups: ClusterSnapshot['groups'] = {};
  for (const g of (await admin.listGroups()).groups.map((x) => x.groupId).sort()) {
    const offsets = await admin.fetchOffsets({ groupId: g });
    groups[g] = offsets.flatMap((t) => t.partitions.map((p) => `${t.topic}/${p.partition}:${p.offset}`)).sort();
  }
  return { topics, groups };
}

export function readAuditFile(file: string): AuditEntry[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry);
  } catch {
    return [];
  }
}

export type FieldErrorBody = { code: string; message: string; details?: { fields?: Record<string, string> } };
