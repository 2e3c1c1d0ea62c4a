import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLError } from 'yaml';
import type { z } from 'zod';
import { BUILT_IN_ROLES } from '@/lib/auth/access';
import { auditConfig, type AuditFileConfig as AuditSection } from './audit';
import { limitsConfig } from './limits';
import { isLoopbackHost } from '@/lib/server/binding';
import { type AppConfig, type AuthConfig, type AuthFileConfig, type ClusterConfig, type ClusterFileConfig, clusterSchema, fileConfigSchema, type LimitsFileConfig } from './schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid console configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads CONSOLE_CONFIG (a YAML file with several clusters) or KAFKA_BROKERS (one cluster).
 * With neither, `clusters` is empty and the caller starts the embedded cluster.
 * Every problem is listed at once, naming the field.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  let clusters: ClusterConfig[] = [];
  let readOnly = flag(env.CONSOLE_READ_ONLY);
  let trustProxy = flag(env.CONSOLE_TRUST_PROXY);
  let auditSection: AuditSection | undefined;
  let authFile: AuthFileConfig | undefined;
  let limitsFile: LimitsFileConfig | undefined;
  let publicUrl = env.CONSOLE_PUBLIC_URL;
  const allowedHosts = list(env.CONSOLE_ALLOWED_HOSTS);

  if (env.CONSOLE_CONFIG) {
    const file = readConfigFile(env.CONSOLE_CONFIG, problems);
    if (file) {
      const parsed = fileConfigSchema.safeParse(file);
      if (parsed.success) {
        clusters = parsed.data.clusters.map((c) => toCluster(c, problems));
        readOnly ||= parsed.data.readOnly;
        trustProxy ||= parsed.data.trustProxy;
        auditSection = parsed.data.audit;
        authFile = parsed.data.auth;
        limitsFile = parsed.data.limits;
        publicUrl ??= parsed.data.publicUrl;
        allowedHosts.push(...(parsed.data.allowedHosts ?? []));
      } else {
        problems.push(...describeIssues(parsed.error, env.CONSOLE_CONFIG));
      }
    }
  } else if (env.KAFKA_BROKERS) {
    const parsed = clusterSchema.safeParse(clusterFromEnv(env));
    if (parsed.success) clusters = [toCluster(parsed.data, problems)];
    else problems.push(...describeIssues(parsed.error, 'environment', envNames));
  }

  const ids = new Set<string>();
  for (const c of clusters) {
    if (ids.has(c.id)) problems.push(`clusters: two clusters are named "${c.name}"`);
    ids.add(c.id);
  }
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) problems.push(`CONSOLE_PUBLIC_URL: must be an http(s) URL`);
  const auth = authConfig(authFile, env, problems);
  const audit = auditConfig(auditSection, env, problems);
  const limits = limitsConfig(limitsFile, env, problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    clusters,
    limits,
    readOnly,
    trustProxy,
    auth,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    allowedHosts: allowedHosts.map((h) => h.toLowerCase()),
    audit,
  };
}

function authConfig(file: AuthFileConfig | undefined, env: Env, problems: string[]): AuthConfig {
  const authEnv = env.CONSOLE_AUTH?.trim() || undefined;
  const explicitNone = authEnv?.toLowerCase() === 'none';
  if (authEnv !== undefined && !explicitNone) problems.push('CONSOLE_AUTH: the only value is "none"; sign-in is configured under auth in CONSOLE_CONFIG');
  const signIn = Boolean(file && (file.users.length > 0 || file.oidc));
  if (explicitNone && signIn) problems.push('CONSOLE_AUTH=none, but auth.users or auth.oidc configure sign-in: remove one of them');
  const sessionSecret = env.CONSOLE_SESSION_SECRET ?? file?.sessionSecret;
  if (sessionSecret !== undefined && sessionSecret.length < 32) problems.push('CONSOLE_SESSION_SECRET: must be at least 32 characters');
  const roles = file?.roles ?? [];
  checkRoleNames(file, problems);
  return {
    mode: signIn && !explicitNone ? 'sign-in' : 'none',
    explicitNone,
    sessionSecret,
    idleTimeoutMinutes: file?.idleTimeoutMinutes ?? 60,
    maxSessionHours: file?.maxSessionHours ?? 12,
    users: file?.users ?? [],
    oidc: file?.oidc,
    roles,
    metricsToken: env.CONSOLE_METRICS_TOKEN || undefined,
  };
}

/** Every role a user or a claim mapping names must exist; built-in names cannot be redefined. */
function checkRoleNames(file: AuthFileConfig | undefined, problems: string[]): void {
  if (!file) return;
  const builtIn = new Set(BUILT_IN_ROLES.map((r) => r.name));
  const known = new Set(builtIn);
  file.roles.forEach((role, i) => {
    if (builtIn.has(role.name)) problems.push(`auth.roles.${i}.name: "${role.name}" is a built-in role and cannot be redefined`);
    else if (known.has(role.name)) problems.push(`auth.roles.${i}.name: two roles are named "${role.name}"`);
    known.add(role.name);
  });
  const usernames = new Set<string>();
  file.users.forEach((user, i) => {
    if (usernames.has(user.username)) problems.push(`auth.users.${i}.username: two users are named "${user.username}"`);
    usernames.add(user.username);
    for (const role of user.roles) if (!known.has(role)) problems.push(`auth.users.${i}.roles: no role named "${role}"`);
  });
  const oidc = file.oidc;
  if (!oidc) return;
  // openid-client would refuse it at the first sign-in; say so at start instead.
  const issuer = new URL(oidc.issuer);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname)))
    problems.push('auth.oidc.issuer: must be an https URL (plain http only for a provider on a loopback address)');
  for (const [claim, roles] of Object.entries(oidc.roleMapping))
    for (const role of roles) if (!known.has(role)) problems.push(`auth.oidc.roleMapping.${claim}: no role named "${role}"`);
  for (const role of oidc.defaultRoles) if (!known.has(role)) problems.push(`auth.oidc.defaultRoles: no role named "${role}"`);
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function clusterId(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster';
}

const envNames: Record<string, string> = {
  name: 'KAFKA_CLUSTER_NAME',
  bootstrapServers: 'KAFKA_BROKERS',
  'sasl.mechanism': 'KAFKA_SASL_MECHANISM',
  'sasl.username': 'KAFKA_SASL_USERNAME',
  'sasl.password': 'KAFKA_SASL_PASSWORD',
  'tls.caFile': 'KAFKA_TLS_CA_FILE',
  'tls.certFile': 'KAFKA_TLS_CERT_FILE',
  'tls.keyFile': 'KAFKA_TLS_KEY_FILE',
  'schemaRegistry.url': 'KAFKA_SCHEMA_REGISTRY_URL',
  'schemaRegistry.basicAuth.username': 'KAFKA_SCHEMA_REGISTRY_USERNAME',
  'schemaRegistry.basicAuth.password': 'KAFKA_SCHEMA_REGISTRY_PASSWORD',
};

function clusterFromEnv(env: Env): unknown {
  const sasl = env.KAFKA_SASL_MECHANISM
    ? {
        mechanism: env.KAFKA_SASL_MECHANISM.toLowerCase(),
        username: env.KAFKA_SASL_USERNAME ?? '',
        password: env.KAFKA_SASL_PASSWORD ?? '',
      }
    : undefined;
  const tlsWanted = flag(env.KAFKA_TLS) || env.KAFKA_TLS_CA_FILE || env.KAFKA_TLS_CERT_FILE;
  const tls = tlsWanted
    ? {
        caFile: env.KAFKA_TLS_CA_FILE,
        certFile: env.KAFKA_TLS_CERT_FILE,
        keyFile: env.KAFKA_TLS_KEY_FILE,
        skipVerify: flag(env.KAFKA_TLS_SKIP_VERIFY),
      }
    : undefined;
  const registryUser = env.KAFKA_SCHEMA_REGISTRY_USERNAME;
  const schemaRegistry = env.KAFKA_SCHEMA_REGISTRY_URL
    ? {
        url: env.KAFKA_SCHEMA_REGISTRY_URL.trim(),
        basicAuth: registryUser ? { username: registryUser, password: env.KAFKA_SCHEMA_REGISTRY_PASSWORD ?? '' } : undefined,
      }
    : undefined;
  return {
    name: env.KAFKA_CLUSTER_NAME ?? 'default',
    bootstrapServers: (env.KAFKA_BROKERS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    sasl,
    tls,
    schemaRegistry,
    readOnly: flag(env.KAFKA_READ_ONLY),
  };
}

function toCluster(c: ClusterFileConfig, problems: string[]): ClusterConfig {
  const tlsFiles = c.tls
    ? {
        ca: readPem(c.tls.caFile, `${c.name}.tls.caFile`, problems),
        cert: readPem(c.tls.certFile, `${c.name}.tls.certFile`, problems),
        key: readPem(c.tls.keyFile, `${c.name}.tls.keyFile`, problems),
      }
    : undefined;
  const registryTls = c.schemaRegistry?.tls;
  const schemaRegistryTlsFiles = registryTls
    ? {
        ca: readPem(registryTls.caFile, `${c.name}.schemaRegistry.tls.caFile`, problems),
        cert: readPem(registryTls.certFile, `${c.name}.schemaRegistry.tls.certFile`, problems),
        key: readPem(registryTls.keyFile, `${c.name}.schemaRegistry.tls.keyFile`, problems),
      }
    : undefined;
  return { ...c, id: clusterId(c.name), embedded: false, tlsFiles, schemaRegistryTlsFiles };
}

function readPem(path: string | undefined, field: string, problems: string[]): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    problems.push(`${field}: cannot read file ${path}`);
    return undefined;
  }
}

function readConfigFile(path: string, problems: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    problems.push(`CONSOLE_CONFIG: cannot read ${path}: ${(e as Error).message}`);
    return undefined;
  }
  try {
    // Warnings are not printed: like errors, they quote the source line.
    return parseYaml(text, { logLevel: 'error' });
  } catch (e) {
    problems.push(`CONSOLE_CONFIG: ${path} is not valid YAML${yamlErrorPlace(e)}`);
    return undefined;
  }
}

/**
 * Where the YAML is broken, and the parser's error code. Never its message: that quotes the
 * offending source line, which may be a password, and this ends up in the startup log.
 */
function yamlErrorPlace(e: unknown): string {
  if (!(e instanceof YAMLError)) return '';
  const pos = e.linePos?.[0];
  return `${pos ? ` at line ${pos.line}, column ${pos.col}` : ''} (${e.code.toLowerCase().replaceAll('_', ' ')})`;
}

function describeIssues(error: z.ZodError, source: string, names: Record<string, string> = {}): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    const named = names[path] ?? names[issue.path.filter((p) => typeof p === 'string').join('.')] ?? path;
    return `${source}: ${named || '(root)'} ${issue.message}`;
  });
}

function flag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}
