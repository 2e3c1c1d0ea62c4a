import type { SchemaRegistryOptions } from './schema-registry';

/** Options for startDevCluster. */
export interface DevClusterOptions {
  /** Number of brokers (ids 1..N). Default 3. */
  brokers?: number;
  /** Port of broker 1; broker N listens on basePort + N - 1. 0 picks a random free port per broker. Default 0. */
  basePort?: number;
  /** Address to bind and advertise. Default 127.0.0.1. */
  host?: string;
  /** Keep topics, configs, logs and committed offsets here so they survive a restart. Default: memory only. */
  dataDir?: string;
  /** SASL users (PLAIN and SCRAM-SHA-256/512). None means no authentication. */
  users?: Record<string, string> | { username: string; password: string; mechanisms?: string[] }[];
  /** Seed demo topics and run demo producers and consumer groups. */
  demo?: boolean;
  /** Create unknown topics on Metadata/Produce, as auto.create.topics.enable. Default false. */
  autoCreateTopics?: boolean;
  /** Static broker configs (server.properties), e.g. { 'num.partitions': '3' }. */
  brokerConfigs?: Record<string, string>;
  /** Fixed cluster id (22 chars); otherwise random, or the one stored in dataDir. */
  clusterId?: string;
  /** Also serve a Schema-Registry-compatible REST API, storing schemas in the `_schemas` topic. */
  schemaRegistry?: SchemaRegistryOptions;
  /** Largest request frame accepted before the connection is closed. Default 100 MiB. */
  maxFrameBytes?: number;
}

export const DEFAULT_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];

export function normaliseUsers(users: DevClusterOptions['users']): Map<string, { password: string; mechanisms: string[] }> {
  const out = new Map<string, { password: string; mechanisms: string[] }>();
  if (!users) return out;
  if (Array.isArray(users)) {
    for (const u of users) out.set(u.username, { password: u.password, mechanisms: u.mechanisms ?? DEFAULT_MECHANISMS });
  } else {
    for (const [name, password] of Object.entries(users)) out.set(name, { password, mechanisms: DEFAULT_MECHANISMS });
  }
  return out;
}

/** Parses "user:pass,user2:pass2" (CLI form). */
export function parseUsersFlag(flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of flag.split(',').filter(Boolean)) {
    const i = part.indexOf(':');
    if (i <= 0) throw new Error(`--users expects user:password pairs, got "${part}"`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}
