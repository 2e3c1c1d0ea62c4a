import { z } from 'zod';

// The audit log's settings: where it is written, and when its file rotates. Environment
// variables win over the `audit:` section of the YAML file.

export const DEFAULT_AUDIT_FILE = '.data/audit.log';
export const DEFAULT_AUDIT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_AUDIT_KEEP_FILES = 5;
const MIN_AUDIT_MAX_BYTES = 4 * 1024;

/** Bytes, or a number with a unit: 50MB, 512 KiB, 1g (units are powers of 1024). */
export function parseByteSize(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isSafeInteger(input) && input >= 0 ? input : undefined;
  const m = /^\s*(\d+)\s*(?:([kmg])i?)?b?\s*$/i.exec(input);
  if (!m) return undefined;
  const bytes = Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] ?? ' ').toLowerCase());
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

const byteSize = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const bytes = parseByteSize(v);
  if (bytes === undefined || bytes < MIN_AUDIT_MAX_BYTES) {
    ctx.addIssue({ code: 'custom', message: `must be a size of at least ${MIN_AUDIT_MAX_BYTES} bytes (like 52428800 or 50MB)` });
    return z.NEVER;
  }
  return bytes;
});

export const auditFileSchema = z.object({
  file: z.string().optional(),
  topic: z.string().optional(),
  cluster: z.string().optional(),
  /** The file is rotated before it would grow past this. */
  maxBytes: byteSize.optional(),
  /** Rotated files kept besides the current one; older ones are deleted. */
  keepFiles: z.number().int().min(0).max(1000).optional(),
});
export type AuditFileConfig = z.infer<typeof auditFileSchema>;

/** topic: also produce each entry there, on `cluster` (by id) or else on the cluster acted upon. */
export interface AuditConfig {
  file: string;
  topic?: string;
  cluster?: string;
  maxBytes: number;
  keepFiles: number;
}

type Env = Record<string, string | undefined>;

export function auditConfig(file: AuditFileConfig | undefined, env: Env, problems: string[]): AuditConfig {
  let maxBytes = file?.maxBytes ?? DEFAULT_AUDIT_MAX_BYTES;
  if (env.CONSOLE_AUDIT_MAX_BYTES !== undefined) {
    const parsed = byteSize.safeParse(env.CONSOLE_AUDIT_MAX_BYTES);
    if (parsed.success) maxBytes = parsed.data;
    else problems.push(`CONSOLE_AUDIT_MAX_BYTES: ${parsed.error.issues[0].message}`);
  }
  let keepFiles = file?.keepFiles ?? DEFAULT_AUDIT_KEEP_FILES;
  if (env.CONSOLE_AUDIT_KEEP_FILES !== undefined) {
    const value = env.CONSOLE_AUDIT_KEEP_FILES.trim();
    if (/^\d{1,4}$/.test(value) && Number(value) <= 1000) keepFiles = Number(value);
    else problems.push('CONSOLE_AUDIT_KEEP_FILES: must be a whole number from 0 to 1000');
  }
  return {
    file: env.CONSOLE_AUDIT_FILE ?? file?.file ?? DEFAULT_AUDIT_FILE,
    topic: env.CONSOLE_AUDIT_TOPIC ?? file?.topic,
    cluster: env.CONSOLE_AUDIT_CLUSTER ?? file?.cluster,
    maxBytes,
    keepFiles,
  };
}
