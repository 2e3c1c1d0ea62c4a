import 'server-only';
import { readOnly } from '@/lib/api/errors';
import type { Action } from '@/lib/auth/access';
import type { Principal } from '@/lib/auth/principal';
import { appConfig, getCluster } from '@/lib/kafka/clusters';
import { recordAudit, type AuditOutcome } from './audit';
import { clientAddress, proxyUser } from './client-address';
import { apiErrorFor, apiErrorResponse, readBodyText, route, type RouteContext, type RouteParams } from './route';

// Every route that changes a cluster goes through mutation(): refused in read-only mode, and
// recorded in the audit log whatever the outcome.

export interface MutationContext<P extends RouteParams> extends RouteContext<P> {
  /** What the handler acted on and with what; it fills these in as soon as it knows them. */
  audit: {
    target: string;
    parameters?: unknown;
    /** Overrides the route's action name, e.g. for a validate-only run. */
    action?: string;
    /** Configs whose values must not be logged (the broker marks them sensitive). */
    sensitiveConfigs?: ReadonlySet<string>;
  };
}

const mutationActions = new WeakMap<object, string>();

/** The audit action of a handler made by mutation(); undefined for anything else (tests use it to find mutating routes). */
export function mutationAction(handler: unknown): string | undefined {
  return typeof handler === 'function' ? mutationActions.get(handler) : undefined;
}

/** `permission` is what the caller needs; `action` names the change in the audit log. */
export function mutation<P extends RouteParams & { cluster: string }>(
  permission: Action,
  action: string,
  handler: (ctx: MutationContext<P>) => Promise<unknown>,
) {
  const wrapped = route<P>({ permission, auditAction: action }, async (ctx) => {
    const audit: MutationContext<P>['audit'] = { target: ctx.params.topic ?? ctx.params.group ?? ctx.params.cluster };
    const started = Date.now();
    const record = async (outcome: AuditOutcome, error?: string) =>
      recordAudit(
        {
          time: new Date(started).toISOString(),
          user: await auditUser(ctx.request, ctx.principal),
          clientAddress: await clientAddress(ctx.request),
          cluster: ctx.params.cluster,
          action: audit.action ?? action,
          target: audit.target,
          parameters: audit.parameters,
          outcome,
          error,
          durationMs: Date.now() - started,
        },
        audit.sensitiveConfigs,
      );
    try {
      await assertWritable(ctx.params.cluster);
      const result = await handler({ ...ctx, audit });
      await record('success');
      return result;
    } catch (error) {
      const apiError = apiErrorFor(error, ctx.request);
      const refused = apiError.code === 'read_only';
      // A refused request never reached the handler: record what it asked for (redacted and
      // capped by recordAudit) so the log says what was attempted, not only that something was.
      if (refused && audit.parameters === undefined) audit.parameters = { request: await attemptedBody(ctx.request) };
      await record(refused ? 'refused' : 'failure', apiError.message);
      return apiErrorResponse(apiError);
    }
  });
  mutationActions.set(wrapped, action);
  return wrapped;
}

export async function isReadOnly(clusterId: string): Promise<boolean> {
  const [config, cluster] = await Promise.all([appConfig(), getCluster(clusterId)]);
  return config.readOnly || cluster.readOnly;
}

export async function assertWritable(clusterId: string): Promise<void> {
  if (await isReadOnly(clusterId)) {
    throw readOnly(`Cluster "${clusterId}" is read-only in this console; changes are refused.`);
  }
}

async function attemptedBody(request: Request): Promise<unknown> {
  try {
    const text = await readBodyText(request);
    if (!text) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  } catch {
    return null;
  }
}

/** The signed-in user; with sign-in off, the user a trusted proxy names, else "anonymous". */
export async function auditUser(request: Request, principal: Principal): Promise<string> {
  if (principal.method === 'anonymous') return (await proxyUser(request)) ?? principal.name;
  return principal.name;
}
