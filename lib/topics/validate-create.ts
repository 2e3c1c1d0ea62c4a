import { configValueError, suggestConfigName } from './config-catalog';
import { topicNameError, topicNameWarnings } from './name';

// One set of rules for a new topic, run by the form as the user types and by the server before
// anything reaches the broker. Errors block; warnings inform. Field keys match the API's
// field errors: name, partitions, replicationFactor, configs.<config name>.

export const MAX_PARTITIONS = 10_000;

export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Readonly<Record<string, string>>;
}

export interface CreateContext {
  /** Brokers that are up now; the replication factor cannot exceed it. Unknown: not checked. */
  liveBrokers?: number;
  /** Topic config names the cluster reports. Unknown: only values of known names are checked. */
  knownConfigs?: ReadonlySet<string>;
  /** Cluster defaults by topic config name, to judge settings left at the default. */
  defaults?: ReadonlyMap<string, string>;
  existingTopics?: readonly string[];
}

export interface Verdict {
  errors: Record<string, string>;
  warnings: Record<string, string[]>;
}

export function validateNewTopic(topic: NewTopic, ctx: CreateContext = {}): Verdict {
  const errors: Record<string, string> = {};
  const warnings: Record<string, string[]> = {};
  const warn = (field: string, message: string) => (warnings[field] ??= []).push(message);

  const nameError = topicNameError(topic.name);
  if (nameError) errors.name = nameError;
  else if (ctx.existingTopics?.includes(topic.name)) errors.name = `A topic named "${topic.name}" already exists.`;
  else for (const w of topicNameWarnings(topic.name, ctx.existingTopics ?? [])) warn('name', w);

  const partitionsError = countError(topic.partitions, 'Partitions', MAX_PARTITIONS);
  if (partitionsError) errors.partitions = partitionsError;
  else if (topic.partitions > 1000) warn('partitions', 'Every partition costs broker memory and open files; few topics need more than a few hundred.');

  const rf = topic.replicationFactor;
  const rfError = countError(rf, 'Replication factor', 32767);
  if (rfError) errors.replicationFactor = rfError;
  else if (ctx.liveBrokers !== undefined && rf > ctx.liveBrokers) {
    errors.replicationFactor = `Only ${ctx.liveBrokers} broker${ctx.liveBrokers === 1 ? ' is' : 's are'} live: the replication factor can be at most ${ctx.liveBrokers}.`;
  } else if (rf === 1) {
    warn('replicationFactor', 'One replica: a single broker failure makes the topic unavailable and can lose data.');
  }

  for (const [key, value] of Object.entries(topic.configs)) {
    const field = `configs.${key}`;
    if (ctx.knownConfigs && !ctx.knownConfigs.has(key)) {
      const hint = suggestConfigName(key, ctx.knownConfigs);
      errors[field] = `"${key}" is not a topic config this cluster knows${hint ? ` (did you mean "${hint}"?)` : ''}.`;
      continue;
    }
    const valueError = configValueError(key, value);
    if (valueError) errors[field] = valueError;
  }

  if (!rfError) checkMinInsync(topic, ctx, errors, warn);
  checkRetention(topic, ctx, warn);
  return { errors, warnings };
}

function checkMinInsync(topic: NewTopic, ctx: CreateContext, errors: Record<string, string>, warn: (f: string, m: string) => void) {
  const field = 'configs.min.insync.replicas';
  const explicit = topic.configs['min.insync.replicas'];
  const raw = explicit ?? ctx.defaults?.get('min.insync.replicas');
  if (raw === undefined || errors[field] || !/^\d+$/.test(raw.trim())) return;
  const minIsr = Number(raw);
  const rf = topic.replicationFactor;
  if (minIsr > rf) {
    const message = `min.insync.replicas (${minIsr}) is larger than the replication factor (${rf}): producers using acks=all could never write.`;
    if (explicit !== undefined) errors[field] = message;
    else warn('replicationFactor', `The cluster default ${message}`);
  } else if (minIsr === rf && rf > 1) {
    warn(explicit !== undefined ? field : 'replicationFactor', `min.insync.replicas equals the replication factor (${rf}): acks=all producers stop whenever one replica is down.`);
  }
}

function checkRetention(topic: NewTopic, ctx: CreateContext, warn: (f: string, m: string) => void) {
  const value = (name: string) => topic.configs[name] ?? ctx.defaults?.get(name);
  const policy = value('cleanup.policy') ?? 'delete';
  const retentionMs = value('retention.ms');
  const retentionBytes = value('retention.bytes');
  if (policy.includes('delete') && retentionMs === '-1' && (retentionBytes === undefined || retentionBytes === '-1')) {
    warn('configs.retention.ms', 'Neither time nor size limits retention: the topic grows until the disk is full.');
  }
  const segment = value('segment.bytes');
  if (retentionBytes && segment && /^\d+$/.test(retentionBytes) && /^\d+$/.test(segment) && BigInt(retentionBytes) < BigInt(segment)) {
    warn('configs.retention.bytes', 'retention.bytes is smaller than one segment: deletion happens a whole segment at a time, so a partition can hold up to a segment more than this.');
  }
}

function countError(n: number, label: string, max: number): string | null {
  if (!Number.isInteger(n)) return `${label} must be a whole number.`;
  if (n < 1) return `${label} must be at least 1.`;
  if (n > max) return `${label} can be at most ${max}.`;
  return null;
}
