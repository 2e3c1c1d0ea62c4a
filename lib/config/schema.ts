import { z } from 'zod';
import { ACTIONS, invalidPattern, type RoleRule } from '@/lib/auth/access';
import { auditFileSchema, type AuditConfig } from './audit';

// Cluster configuration, from environment variables or a YAML file; validated once at start.

const hostPort = z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port');

export const saslSchema = z.object({
  mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
  username: z.string().min(1, 'is required'),
  password: z.string().min(1, 'is required'),
});

export const tlsSchema = z.object({
  /** PEM files; read at start so a missing file is reported then. */
  caFile: z.string().optional(),
  certFile: z.string().optional(),
  keyFile: z.string().optional(),
  skipVerify: z.boolean().default(false),
});

/** A Confluent-compatible Schema Registry (Confluent, Karapace, Redpanda, Apicurio's ccompat API). */
export const schemaRegistrySchema = z
  .strictObject({
    url: z.url('must be a URL').refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
    basicAuth: z.strictObject({ username: z.string().min(1, 'is required'), password: z.string().min(1, 'is required') }).optional(),
    bearerToken: z.string().min(1, 'must not be empty').optional(),
    tls: tlsSchema.optional(),
  })
  .refine((r) => !(r.basicAuth && r.bearerToken), 'takes basicAuth or bearerToken, not both');

export const clusterSchema = z.object({
  name: z.string().min(1, 'is required').max(64),
  bootstrapServers: z.array(hostPort).min(1, 'needs at least one host:port'),
  sasl: saslSchema.optional(),
  tls: tlsSchema.optional(),
  schemaRegistry: schemaRegistrySchema.optional(),
  readOnly: z.boolean().default(false),
});

const pattern = z
  .string()
  .min(1, 'must not be empty')
  .superRefine((p, ctx) => {
    const problem = invalidPattern(p);
    if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${problem}` });
  });

export const maskingSchema = z.strictObject({
  topics: z.array(pattern).min(1, 'needs at least one topic pattern'),
  fields: z.array(z.string().regex(/^(key|value)(\.[^.]+)*$/, 'must be key, value or a path below them (value.customer.email)')).optional(),
  headers: z.array(pattern).optional(),
  action: z.enum(['mask', 'hash', 'remove']).default('mask'),
});

export const roleSchema = z.strictObject({
  name: z.string().min(1, 'is required').max(100),
  clusters: z.array(pattern).default(['*']),
  topics: z.array(pattern).optional(),
  groups: z.array(pattern).optional(),
  actions: z.array(z.enum(ACTIONS, { error: `must be one of ${ACTIONS.join(', ')}` })).min(1, 'needs at least one action'),
  masking: z.array(maskingSchema).optional(),
});

const passwordHash = z
  .string()
  .regex(/^\$(argon2id|2[aby])\$/, 'must be an argon2id or bcrypt hash (npm run -s hash-password -- <password>)');

export const userSchema = z.strictObject({
  username: z.string().min(1, 'is required').max(200),
  passwordHash,
  roles: z.array(z.string().min(1)).min(1, 'needs at least one role'),
});

export const oidcSchema = z.strictObject({
  issuer: z.url('must be a URL'),
  clientId: z.string().min(1, 'is required'),
  clientSecret: z.string().optional(),
  scopes: z.array(z.string()).default(['openid', 'profile', 'email']),
  /** The claim whose values (a string or a list) select console roles. */
  rolesClaim: z.string().default('groups'),
  /** Claim value → console role names. */
  roleMapping: z.record(z.string(), z.array(z.string())).default({}),
  /** Roles every signed-in OIDC user gets, mapped or not. */
  defaultRoles: z.array(z.string()).default([]),
  /** The claim shown as the user's name. */
  usernameClaim: z.string().default('preferred_username'),
  /** Shown on the sign-in button. */
  displayName: z.string().default('single sign-on'),
});

export const authSchema = z.strictObject({
  /** Secret that signs session cookies; every replica needs the same one. At least 32 characters. */
  sessionSecret: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Minutes without a request before a session ends, and hours after sign-in when it ends anyway. */
  idleTimeoutMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
  maxSessionHours: z.number().int().min(1).max(30 * 24).default(12),
  users: z.array(userSchema).default([]),
  oidc: oidcSchema.optional(),
  roles: z.array(roleSchema).default([]),
});

/** What one caller, and everyone together, may ask of the server at once (see lib/config/limits.ts). */
export const limitsSchema = z.strictObject({
  /** Bytes of messages in one browse page; the page stops there with a cursor to go on. */
  browseMaxBytes: z.number().int().min(64 * 1024).max(1024 * 1024 * 1024).optional(),
  /** Largest payload a single-message read returns whole; longer ones come back cut (download: 413). */
  messageMaxBytes: z.number().int().min(64 * 1024).max(1024 * 1024 * 1024).optional(),
  /** Largest Fetch response asked of one broker, and the most a partition's fetch grows to. */
  fetchMaxBytes: z.number().int().min(1024 * 1024).max(1024 * 1024 * 1024).optional(),
  /** Message reads (browse, search, single message) running at once, per user and per cluster. */
  readsPerUser: z.number().int().min(1).max(10_000).optional(),
  readsPerCluster: z.number().int().min(1).max(100_000).optional(),
  /** Live tails open at once, per user and per cluster. */
  tailsPerUser: z.number().int().min(1).max(10_000).optional(),
  tailsPerCluster: z.number().int().min(1).max(100_000).optional(),
  /** Produce bodies when the request does not name its topic in the URL (`?topic=`). */
  produceMaxBytes: z.number().int().min(64 * 1024).max(1024 * 1024 * 1024).optional(),
});

export const fileConfigSchema = z.object({
  /** The console's public address (https://console.example.com): its host is allowed, and OIDC redirects go there. */
  publicUrl: z.url('must be a URL').optional(),
  /** Host names (besides loopback names and IP addresses) the console answers to. */
  allowedHosts: z.array(z.string().min(1)).optional(),
  auth: authSchema.optional(),
  readOnly: z.boolean().default(false),
  /** Believe X-Forwarded-* user/address headers: only behind a proxy that sets (and strips) them. */
  trustProxy: z.boolean().default(false),
  audit: auditFileSchema.optional(),
  limits: limitsSchema.optional(),
  clusters: z.array(clusterSchema).min(1, 'needs at least one cluster'),
});

export type SaslConfig = z.infer<typeof saslSchema>;
export type TlsConfig = z.infer<typeof tlsSchema>;
export type SchemaRegistryConfig = z.infer<typeof schemaRegistrySchema>;
export type ClusterFileConfig = z.infer<typeof clusterSchema>;

/** A cluster as the server uses it: the id is the URL segment. */
export interface ClusterConfig extends ClusterFileConfig {
  id: string;
  /** True for the embedded demo cluster the console started itself. */
  embedded: boolean;
  tlsFiles?: { ca?: string; cert?: string; key?: string };
  /** The registry's PEM files, read at start like the cluster's. */
  schemaRegistryTlsFiles?: { ca?: string; cert?: string; key?: string };
}

export type AuthFileConfig = z.infer<typeof authSchema>;
export type UserConfig = z.infer<typeof userSchema>;
export type OidcConfig = z.infer<typeof oidcSchema>;

/** How people sign in; `none` lets every caller act as admin (loopback only, unless CONSOLE_AUTH=none). */
export interface AuthConfig {
  mode: 'none' | 'sign-in';
  /** True when CONSOLE_AUTH=none said so explicitly. */
  explicitNone: boolean;
  sessionSecret?: string;
  idleTimeoutMinutes: number;
  maxSessionHours: number;
  users: UserConfig[];
  oidc?: OidcConfig;
  roles: RoleRule[];
  /** Bearer token that may read /api/metrics (CONSOLE_METRICS_TOKEN). */
  metricsToken?: string;
}

export type LimitsFileConfig = z.infer<typeof limitsSchema>;
export type LimitsConfig = Required<LimitsFileConfig>;

export interface AppConfig {
  clusters: ClusterConfig[];
  limits: LimitsConfig;
  auth: AuthConfig;
  publicUrl?: string;
  /** Host names the console answers to besides loopback names and IP literals. */
  allowedHosts: string[];
  readOnly: boolean;
  /** Audit user and client address come from proxy headers only when this is on. */
  trustProxy: boolean;
  audit: AuditConfig;
}
