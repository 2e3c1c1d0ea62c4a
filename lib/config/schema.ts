import { z } from 'zod';

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

export const clusterSchema = z.object({
  name: z.string().min(1, 'is required').max(64),
  bootstrapServers: z.array(hostPort).min(1, 'needs at least one host:port'),
  sasl: saslSchema.optional(),
  tls: tlsSchema.optional(),
  readOnly: z.boolean().default(false),
});

export const fileConfigSchema = z.object({
  readOnly: z.boolean().default(false),
  /** Believe X-Forwarded-* user/address headers: only behind a proxy that sets (and strips) them. */
  trustProxy: z.boolean().default(false),
  audit: z
    .object({ file: z.string().optional(), topic: z.string().optional(), cluster: z.string().optional() })
    .optional(),
  clusters: z.array(clusterSchema).min(1, 'needs at least one cluster'),
});

export type SaslConfig = z.infer<typeof saslSchema>;
export type TlsConfig = z.infer<typeof tlsSchema>;
export type ClusterFileConfig = z.infer<typeof clusterSchema>;

/** A cluster as the server uses it: the id is the URL segment. */
export interface ClusterConfig extends ClusterFileConfig {
  id: string;
  /** True for the embedded demo cluster the console started itself. */
  embedded: boolean;
  tlsFiles?: { ca?: string; cert?: string; key?: string };
}

export interface AppConfig {
  clusters: ClusterConfig[];
  readOnly: boolean;
  /** Audit user and client address come from proxy headers only when this is on. */
  trustProxy: boolean;
  /** topic: also produce each entry there, on `cluster` (by id) or else on the cluster acted upon. */
  audit: { file: string; topic?: string; cluster?: string };
}
