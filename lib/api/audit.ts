import { z } from 'zod';

// The audit log as the API serves it, and the filters the audit page sends.

export const auditOutcomes = ['success', 'failure', 'refused'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export const auditEntry = z.object({
  time: z.string(),
  /** The signed-in user (or the user an authenticating proxy named), if any. */
  user: z.string().optional(),
  clientAddress: z.string(),
  cluster: z.string(),
  action: z.string(),
  target: z.string(),
  /** What was asked for, with secrets and sensitive config values redacted. */
  parameters: z.unknown().optional(),
  outcome: z.enum(auditOutcomes),
  error: z.string().optional(),
  durationMs: z.number(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Must be a date and time (ISO 8601).')
  .optional();

export const auditQuery = z.strictObject({
  action: z.string().max(200).optional(),
  target: z.string().max(1000).optional(),
  outcome: z.enum(auditOutcomes, { error: 'outcome must be success, failure or refused.' }).optional(),
  user: z.string().max(200).optional(),
  from: isoTime,
  to: isoTime,
  /** Free text matched against the whole entry. */
  q: z.string().max(1000).optional(),
  /** Opaque position from the previous page's nextCursor. */
  cursor: z.string().regex(/^(\d+:)?\d+$/, 'cursor must come from a previous page.').max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditPage = z.object({
  entries: z.array(auditEntry),
  /** Pass as cursor for the next (older) page; null at the start of the log. */
  nextCursor: z.string().nullable(),
  /** Lines read to produce this page, so a narrow filter says how much it looked at. */
  scanned: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPage>;
