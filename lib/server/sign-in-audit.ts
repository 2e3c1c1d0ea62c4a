import 'server-only';
import { recordAudit, type AuditOutcome } from './audit';
import { clientAddress } from './client-address';

// Sign-ins and sign-outs belong to the console, not to a cluster: their entries name cluster "*",
// and every cluster's audit page shows them.

export async function recordSignIn(request: Request, user: string, outcome: AuditOutcome, error?: string, action = 'auth.sign-in'): Promise<void> {
  await recordAudit({
    time: new Date().toISOString(),
    user,
    clientAddress: await clientAddress(request),
    cluster: '*',
    action,
    target: user,
    outcome,
    error,
    durationMs: 0,
  });
}
