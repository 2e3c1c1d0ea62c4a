import { type LimitsConfig, type LimitsFileConfig, limitsSchema } from './schema';

// The limits that keep what a caller sends from costing the server unbounded memory or
// connections: from `limits:` in the YAML file, each overridden by its environment variable.

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: LimitsConfig = {
  browseMaxBytes: 8 * MiB,
  messageMaxBytes: 16 * MiB,
  fetchMaxBytes: 16 * MiB,
  readsPerUser: 6,
  readsPerCluster: 24,
  tailsPerUser: 5,
  tailsPerCluster: 50,
  produceMaxBytes: 4 * MiB,
};

/** Each limit's environment variable. */
export const LIMIT_ENV: Record<keyof LimitsConfig, string> = {
  browseMaxBytes: 'CONSOLE_BROWSE_MAX_BYTES',
  messageMaxBytes: 'CONSOLE_MESSAGE_MAX_BYTES',
  fetchMaxBytes: 'CONSOLE_FETCH_MAX_BYTES',
  readsPerUser: 'CONSOLE_READS_PER_USER',
  readsPerCluster: 'CONSOLE_READS_PER_CLUSTER',
  tailsPerUser: 'CONSOLE_TAILS_PER_USER',
  tailsPerCluster: 'CONSOLE_TAILS_PER_CLUSTER',
  produceMaxBytes: 'CONSOLE_PRODUCE_MAX_BYTES',
};

type Env = Record<string, string | undefined>;

/** The limits in force; a bad value (file or environment) is a problem naming its field. */
export function limitsConfig(file: LimitsFileConfig | undefined, env: Env, problems: string[]): LimitsConfig {
  const fromEnv: Record<string, number | string> = {};
  for (const [field, name] of Object.entries(LIMIT_ENV)) {
    const raw = env[name]?.trim();
    if (raw) fromEnv[field] = /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  const parsed = limitsSchema.safeParse(fromEnv);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof LimitsConfig;
      problems.push(`${LIMIT_ENV[field] ?? field}: ${issue.message}`);
    }
    return { ...DEFAULT_LIMITS, ...file };
  }
  return { ...DEFAULT_LIMITS, ...file, ...parsed.data };
}
