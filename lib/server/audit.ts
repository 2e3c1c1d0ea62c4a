import 'server-only';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { appConfig } from '@/lib/kafka/clusters';

// The audit log: one JSON line per mutation, appended to a file (CONSOLE_AUDIT_FILE,
// default .data/audit.log) so it survives restarts.

export type AuditOutcome = 'success' | 'failure' | 'refused';

export interface AuditEntry {
  time: string;
  user?: string;
  clientAddress: string;
  cluster: string;
  action: string;
  target: string;
  parameters?: unknown;
  outcome: AuditOutcome;
  error?: string;
  durationMs: number;
}

let writes: Promise<void> = Promise.resolve();

export async function recordAudit(entry: AuditEntry): Promise<void> {
  const { audit } = await appConfig();
  const line = `${JSON.stringify(entry)}\n`;
  // Appends are chained so concurrent mutations never interleave within a line.
  writes = writes.catch(() => undefined).then(async () => {
    await mkdir(dirname(audit.file), { recursive: true });
    await appendFile(audit.file, line, 'utf8');
  });
  await writes.catch((error) => console.error('[console] audit log write failed:', error));
}
